/**
 * A question pool (a quiz with `draw`, the final assessment) as a JSON file of its own (issue 17):
 * the page that hosts it carries only one fixed paper for reading without JavaScript, and the island
 * fetches the whole pool (src/pages/quiz-pools/[id].json.ts, src/client/quiz-pool.ts) to draw a
 * paper per attempt, so the page does not grow with the pool. `parsePoolData` checks what the
 * browser fetched, so a stale or damaged copy fails clearly (the page keeps its fixed paper).
 */
import { href, lessonPath } from '../paths';
import type { QuizData } from './schema';

/** Question id → URL of the lesson section that teaches it (through href(), so it works under a base). */
export function questionRefs(quiz: Pick<QuizData, 'questions'>): Record<string, string> {
  const refs: Record<string, string> = {};
  for (const q of quiz.questions) {
    if (!q.ref) continue;
    const [lessonId, anchor] = q.ref.split('#');
    refs[q.id] = href(lessonPath(lessonId!)) + (anchor ? `#${anchor}` : '');
  }
  return refs;
}

export interface PoolData {
  quiz: QuizData;
  refs: Record<string, string>;
}

/** Site path of a pool's JSON file. */
export const poolPath = (quizId: string): string => `/quiz-pools/${encodeURIComponent(quizId)}.json`;

/** The paper shown without JavaScript: one fixed draw (the same in every build of the same pool). */
export const NOSCRIPT_SEED = 1;

export const buildPoolData = (quiz: QuizData): PoolData => ({ quiz, refs: questionRefs(quiz) });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fetched pool, shape-checked (throws); questions are checked as used, by kind (as 错题本's bank). */
export function parsePoolData(v: unknown): PoolData {
  const q = isObj(v) ? v.quiz : undefined;
  const ok =
    isObj(v) &&
    isObj(q) &&
    isObj(v.refs) &&
    typeof q.title === 'string' &&
    typeof q.passingScore === 'number' &&
    isObj(q.draw) &&
    typeof q.draw.count === 'number' &&
    Array.isArray(q.questions) &&
    q.questions.length > 0 &&
    q.questions.every((x) => isObj(x) && typeof x.id === 'string' && typeof x.kind === 'string' && typeof x.prompt === 'string') &&
    Object.values(v.refs).every((r) => typeof r === 'string');
  if (!ok) throw new Error('quiz pool: malformed file');
  return v as unknown as PoolData;
}
