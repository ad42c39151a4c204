/**
 * SCORM suspend data (issue 14): the learner's progress as a short ASCII string, small enough for
 * SCORM 1.2's 4,096 characters with the whole course done (tests/unit/scorm-suspend.test.ts checks
 * that over the real course). Pure. Our own format, because no library encodes this document: ids
 * become positions in the course index, numbers base 36, records share one timestamp.
 *
 *   "1~<time>~<lessons>~<quizzes>~<scenarios>~<last visit>"
 *   lessons:   one character per lesson in course order: 0 none, 1 visited, 2 done
 *   quizzes:   ";"-separated "<quiz>,<attempts>,<best×100>,<last×100>,<max>,<flags>,<q:n.q:n…>"
 *              flags: p passed, d passed a full drawn paper; q:n question position, times not right
 *   scenarios: ";"-separated "<scenario>,<plays>,<best×100>,<max×100>,<ending positions, 1 char each>"
 *   last visit: "<lesson>" or "<lesson>.<section id>" (the section is the rest of the string)
 *
 * Kept in the LMS: lesson status, quiz attempts, scores, passes and weak spots, scenario plays,
 * scores and endings, the last lesson and section. Not kept (the browser session holds them until
 * the learner leaves): the answers of the last attempt, a drawn paper, scenario paths and runs.
 */
import { emptyProgress, sanitizeProgress, type ProgressData, type QuizRecord, type ScenarioRecord } from '../progress/schema';

/** What the encoding needs to know about the course: ids in a stable order. */
export interface SuspendIndex {
  lessons: string[];
  quizzes: { id: string; questions: string[] }[];
  scenarios: { id: string; endings: string[] }[];
}

export const SUSPEND_FORMAT = '1';
/** SCORM 1.2 cmi.suspend_data (CMIString4096). SCORM 2004 allows 64,000. */
export const SCORM12_SUSPEND_MAX = 4096;

const b36 = (n: number) => Math.max(0, Math.round(n)).toString(36);
const int = (s: string | undefined) => {
  const n = s ? parseInt(s, 36) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

export function encodeSuspend(data: ProgressData, index: SuspendIndex): string {
  const times: number[] = [0];
  const lessons = index.lessons
    .map((id) => {
      const r = data.lessons[id];
      if (r) times.push(r.updatedAt);
      return r?.status === 'done' ? '2' : r ? '1' : '0';
    })
    .join('')
    .replace(/0+$/, '');
  const quizzes = index.quizzes
    .map((q, i) => {
      const r = data.quizzes[q.id];
      if (!r) return '';
      times.push(r.updatedAt);
      const wrong = q.questions
        .map((qid, j) => (r.wrong[qid] ? `${b36(j)}:${b36(r.wrong[qid]!)}` : ''))
        .filter(Boolean)
        .join('.');
      const flags = `${r.passed ? 'p' : ''}${r.passedDraw ? 'd' : ''}`;
      return [b36(i), b36(r.attempts), b36(r.bestScore * 100), b36(r.lastScore * 100), b36(r.maxScore), flags, wrong].join(',');
    })
    .filter(Boolean)
    .join(';');
  const scenarios = index.scenarios
    .map((s, i) => {
      const r = data.scenarios[s.id];
      if (!r) return '';
      times.push(r.updatedAt);
      const endings = s.endings.map((e, j) => (r.endings.includes(e) ? b36(j) : '')).join('');
      return [b36(i), b36(r.plays), b36(r.bestScore * 100), b36(r.maxScore * 100), endings].join(',');
    })
    .filter(Boolean)
    .join(';');
  const lv = data.lastVisit;
  const at = lv ? index.lessons.indexOf(lv.lessonId) : -1;
  if (lv) times.push(lv.at);
  // A section id containing the separator cannot be read back: the lesson alone then.
  const visit = at < 0 ? '' : lv!.section && !lv!.section.includes('~') ? `${b36(at)}.${lv!.section}` : b36(at);
  return [SUSPEND_FORMAT, b36(Math.max(...times)), lessons, quizzes, scenarios, visit].join('~');
}

/** Reads suspend data back; anything unreadable is left out (an empty or foreign string → no progress). */
export function decodeSuspend(raw: string, index: SuspendIndex): ProgressData {
  const parts = raw.split('~');
  if (parts.length < 6 || parts[0] !== SUSPEND_FORMAT) return emptyProgress();
  const at = int(parts[1]);
  const d = emptyProgress();
  [...(parts[2] ?? '')].forEach((c, i) => {
    const id = index.lessons[i];
    if (id && (c === '1' || c === '2')) d.lessons[id] = { status: c === '2' ? 'done' : 'visited', updatedAt: at };
  });
  for (const item of (parts[3] ?? '').split(';').filter(Boolean)) {
    const [i, attempts, best, last, max, flags = '', wrong = ''] = item.split(',');
    const q = index.quizzes[int(i)];
    if (!q) continue;
    const rec: QuizRecord = {
      attempts: int(attempts),
      bestScore: int(best) / 100,
      maxScore: int(max),
      lastScore: int(last) / 100,
      passed: flags.includes('p'),
      lastAnswers: {},
      wrong: {},
      updatedAt: at,
      ...(flags.includes('d') ? { passedDraw: true } : {}),
    };
    for (const w of wrong.split('.').filter(Boolean)) {
      const [j, n] = w.split(':');
      const qid = q.questions[int(j)];
      if (qid && int(n) > 0) rec.wrong[qid] = int(n);
    }
    d.quizzes[q.id] = rec;
  }
  for (const item of (parts[4] ?? '').split(';').filter(Boolean)) {
    const [i, plays, best, max, endings = ''] = item.split(',');
    const s = index.scenarios[int(i)];
    if (!s) continue;
    const rec: ScenarioRecord = {
      plays: int(plays),
      bestScore: int(best) / 100,
      maxScore: int(max) / 100,
      paths: [],
      endings: [...endings].map((c) => s.endings[int(c)]).filter((e): e is string => e !== undefined),
      updatedAt: at,
    };
    d.scenarios[s.id] = rec;
  }
  const visit = parts.slice(5).join('~');
  if (visit) {
    const dot = visit.indexOf('.');
    const lessonId = index.lessons[int(dot < 0 ? visit : visit.slice(0, dot))];
    const section = dot < 0 ? '' : visit.slice(dot + 1);
    if (lessonId) d.lastVisit = section ? { lessonId, section, at } : { lessonId, at };
  }
  return sanitizeProgress(d);
}
