/**
 * Certificate eligibility (pure). The certificate is earned when every lesson of the course counts
 * as done (marked done or its quiz passed) and the final assessment has been passed at its own
 * passing score (content/quizzes/final-assessment.yaml `passingScore`, 0.8 = 80%). When the final
 * assessment is a question pool, the pass must be on a full drawn paper (`passedDraw`): a pass
 * recorded before the pool existed, or on a partial paper, does not earn the certificate.
 */
import type { ProgressData } from './schema';
import { lessonStatus, type CourseIndex, type IndexLesson } from './summary';

export type FinalState =
  /** The course has no final assessment: only lessons count. */
  | { state: 'none' }
  | { state: 'not-attempted'; passPercent: number }
  | { state: 'failed'; bestPercent: number; passPercent: number; attempts: number }
  | { state: 'passed'; bestPercent: number; passPercent: number; bestScore: number; maxScore: number };

export interface Eligibility {
  eligible: boolean;
  /** Lessons not yet done, in course order (the final assessment lesson included while not done). */
  missingLessons: Pick<IndexLesson, 'id' | 'title' | 'url'>[];
  final: FinalState;
  /** Final assessment lesson URL (for the "take it" link), when known. */
  finalUrl?: string;
}

export function certificateEligibility(data: ProgressData, index: CourseIndex): Eligibility {
  const lessons = index.modules.flatMap((m) => m.lessons);
  const missingLessons = lessons.filter((l) => lessonStatus(data, l) !== 'done').map(({ id, title, url }) => ({ id, title, url }));
  const quiz = index.finalQuizId ? index.quizzes.find((q) => q.id === index.finalQuizId) : undefined;
  let final: FinalState = { state: 'none' };
  let finalUrl: string | undefined;
  if (quiz) {
    finalUrl = lessons.find((l) => l.id === quiz.lessonId)?.url;
    const passPercent = Math.round(quiz.passingScore * 100);
    const r = data.quizzes[quiz.id];
    if (!r || r.attempts === 0) final = { state: 'not-attempted', passPercent };
    else {
      const maxScore = r.maxScore > 0 ? r.maxScore : quiz.maxScore;
      const bestScore = Math.min(r.bestScore, maxScore);
      const bestPercent = maxScore > 0 ? Math.round((bestScore / maxScore) * 100) : 0;
      // The quiz island decides `passed` with the same threshold; the score check guards against a
      // hand-edited import claiming a pass without the score.
      final =
        r.passed && bestScore >= quiz.passingScore * maxScore - 1e-9 && (!quiz.pool || r.passedDraw === true)
          ? { state: 'passed', bestPercent, passPercent, bestScore, maxScore }
          : { state: 'failed', bestPercent, passPercent, attempts: r.attempts };
    }
  }
  const eligible = lessons.length > 0 && missingLessons.length === 0 && (final.state === 'passed' || final.state === 'none');
  return { eligible, missingLessons, final, finalUrl };
}

/** Trims and limits the name typed for the certificate (no control characters). */
export function cleanName(raw: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Date as printed on the certificate, e.g. "2026年11月27日". */
const DATE = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' });
export function certificateDate(d: Date): string {
  return DATE.format(d);
}
