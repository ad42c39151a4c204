/**
 * What the LMS is told (issue 14), pure: from the progress and the course index to CMI elements.
 *  - completion: every lesson done (lesson status as the outline shows it);
 *  - success and score: the final assessment (passed = a full drawn paper reached the pass mark,
 *    the certificate's rule; score = best score ÷ paper size, scaled 0–1);
 *  - bookmark: "<lesson id>#<section id>" of the last visit;
 *  - suspend data: encodeSuspend.
 * SCORM 1.2 has one status for both: passed / failed once the final was taken, else completed /
 * incomplete.
 */
import type { ProgressData } from '../progress/schema';
import { summarize, type CourseIndex } from '../progress/summary';
import { encodeSuspend, type SuspendIndex } from './suspend';
import type { ScormVersion } from './api';

export const suspendIndex = (index: CourseIndex): SuspendIndex => ({
  lessons: index.modules.flatMap((m) => m.lessons.map((l) => l.id)),
  quizzes: index.quizzes.map((q) => ({ id: q.id, questions: q.questions.map((x) => x.id) })),
  scenarios: index.scenarios.map((s) => ({ id: s.id, endings: s.endings.map((e) => e.id) })),
});

export interface CourseResult {
  complete: boolean;
  /** null until the final assessment has been checked once. */
  passed: boolean | null;
  /** 0–1, null until the final assessment has been checked once. */
  scaled: number | null;
  location: string;
  suspend: string;
}

export function courseResult(data: ProgressData, index: CourseIndex): CourseResult {
  const lessons = summarize(data, index).modules.flatMap((m) => m.lessons);
  const final = index.finalQuizId ? data.quizzes[index.finalQuizId] : undefined;
  const taken = Boolean(final && final.attempts > 0 && final.maxScore > 0);
  const lv = data.lastVisit;
  return {
    complete: lessons.length > 0 && lessons.every((l) => l.status === 'done'),
    passed: taken ? final!.passedDraw === true : null,
    scaled: taken ? Math.min(1, Math.round((final!.bestScore / final!.maxScore) * 10000) / 10000) : null,
    location: lv ? `${lv.lessonId}${lv.section ? `#${lv.section}` : ''}`.slice(0, 255) : '',
    suspend: encodeSuspend(data, suspendIndex(index)),
  };
}

/** Reads a bookmark back: lesson id and section. */
export function parseLocation(loc: string): { lessonId: string; section?: string } | null {
  if (!loc) return null;
  const [lessonId, section] = loc.split('#');
  return lessonId ? (section ? { lessonId, section } : { lessonId }) : null;
}

/** Session time in the version's format: 1.2 "HHHH:MM:SS.SS", 2004 ISO 8601 "PT#H#M#S". */
export function sessionTime(ms: number, version: ScormVersion): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  if (version === '2004') return `PT${h}H${m}M${s.toFixed(2).replace(/\.?0+$/, '')}S`;
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(Math.min(h, 9999))}:${p2(m)}:${s.toFixed(2).padStart(5, '0')}`;
}

/** The CMI elements for a result (session time and exit are set on leaving). */
export function cmiElements(r: CourseResult, version: ScormVersion): [string, string][] {
  const score = r.scaled;
  if (version === '1.2') {
    const status = r.passed === true ? 'passed' : r.passed === false && r.complete ? 'failed' : r.complete ? 'completed' : 'incomplete';
    return [
      ['cmi.core.lesson_status', status],
      ...(score === null
        ? []
        : ([
            ['cmi.core.score.min', '0'],
            ['cmi.core.score.max', '100'],
            ['cmi.core.score.raw', String(Math.round(score * 100))],
          ] as [string, string][])),
      ['cmi.core.lesson_location', r.location],
      ['cmi.suspend_data', r.suspend],
    ];
  }
  return [
    ['cmi.completion_status', r.complete ? 'completed' : 'incomplete'],
    ['cmi.success_status', r.passed === null ? 'unknown' : r.passed ? 'passed' : 'failed'],
    ...(score === null
      ? []
      : ([
          ['cmi.score.scaled', String(score)],
          ['cmi.score.min', '0'],
          ['cmi.score.max', '100'],
          ['cmi.score.raw', String(Math.round(score * 100))],
        ] as [string, string][])),
    ['cmi.location', r.location],
    ['cmi.suspend_data', r.suspend],
  ];
}
