/**
 * Quiz engine: answer shapes, layout (option order per attempt) and scoring. Pure TypeScript,
 * shared by the quiz island and the unit tests. Indices in answers always refer to the
 * AUTHORED order (options, items, pairs), never the shuffled display order, so saved answers
 * survive a reshuffle.
 */
import type { Question, QuizData } from './schema.ts';
import { hashSeed, mixedPermutation, mulberry32, permutation } from './prng.ts';

/**
 * An answer to one question:
 * - single: chosen option index or null;
 * - multiple: chosen option indices;
 * - truefalse: true (对) / false (错) or null;
 * - ordering: item indices in the learner's order;
 * - matching: for each pair (left item) the index of the pair whose right item was chosen, or null;
 * - judgement: [index of the response picked as most effective, index picked as least effective] (null = not yet).
 */
export type AnswerValue = number | boolean | null | (number | null)[];
export type Answers = Record<string, AnswerValue>;

export type QuestionStatus = 'correct' | 'partial' | 'wrong' | 'unanswered';

export interface QuestionResult {
  /** 0–1. */
  score: number;
  status: QuestionStatus;
  /**
   * Parts right / total for the "x/y 项正确" feedback: options judged right (multiple),
   * items in the right place (ordering), pairs right (matching); 1 part for single/true-false.
   */
  right: number;
  total: number;
  /**
   * Per authored option (single/multiple), per position (ordering) or per left item (matching):
   * true = chosen/placed and right, false = chosen/placed and wrong, null = not chosen.
   */
  marks: (boolean | null)[];
}

export interface QuizResult {
  score: number;
  max: number;
  /** score / max (0 when max is 0). */
  ratio: number;
  passed: boolean;
  results: Record<string, QuestionResult>;
}

/** Display order of one question's options (single/multiple), items (ordering) or right-hand choices (matching). */
export type Layout = Record<string, number[]>;

const isIndex = (v: unknown, n: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < n;

/**
 * Option order for one attempt. Single/multiple follow the quiz's `shuffle` flag; true/false is
 * never shuffled; ordering items and matching choices are always mixed (their authored order
 * is the answer). Same (quiz, seed) → same layout.
 */
export function layoutQuiz(quiz: QuizData, seed: number): Layout {
  const layout: Layout = {};
  for (const q of quiz.questions) {
    const rand = mulberry32(hashSeed(`${q.id}:${seed}`));
    switch (q.kind) {
      case 'single':
      case 'multiple':
        layout[q.id] = quiz.shuffle ? permutation(q.options.length, rand) : q.options.map((_, i) => i);
        break;
      case 'ordering':
        layout[q.id] = mixedPermutation(q.items.length, rand);
        break;
      case 'matching':
        layout[q.id] = permutation(q.pairs.length, rand);
        break;
      case 'judgement':
        // Responses are always shown shuffled: authored order often follows rank.
        layout[q.id] = permutation(q.responses.length, rand);
        break;
      case 'truefalse':
        layout[q.id] = [0, 1];
        break;
    }
  }
  return layout;
}

/** The starting answer of a question: empty, except ordering, whose answer starts as the shown order. */
export function initialAnswer(q: Question, layout: Layout): AnswerValue {
  switch (q.kind) {
    case 'single':
    case 'truefalse':
      return null;
    case 'multiple':
      return [];
    case 'ordering':
      return [...(layout[q.id] ?? q.items.map((_, i) => i))];
    case 'matching':
      return q.pairs.map(() => null);
    case 'judgement':
      return [null, null];
  }
}

export function initialAnswers(quiz: QuizData, layout: Layout): Answers {
  return Object.fromEntries(quiz.questions.map((q) => [q.id, initialAnswer(q, layout)]));
}

/** The right answer of a question, in answer form (for "show answer" and tests). */
export function correctAnswer(q: Question): AnswerValue {
  switch (q.kind) {
    case 'single':
      return q.options.findIndex((o) => o.correct);
    case 'multiple':
      return q.options.flatMap((o, i) => (o.correct ? [i] : []));
    case 'truefalse':
      return q.answer;
    case 'ordering':
      return q.items.map((_, i) => i);
    case 'matching':
      return q.pairs.map((_, i) => i);
    case 'judgement':
      return [q.responses.findIndex((r) => r.rank === 'best'), q.responses.findIndex((r) => r.rank === 'worst')];
  }
}

/** Scores one answer. Malformed answers (wrong type, out-of-range index) count as unanswered, never throw. */
export function scoreQuestion(q: Question, a: AnswerValue | undefined): QuestionResult {
  const none = (total: number, marks: (boolean | null)[]): QuestionResult => ({ score: 0, status: 'unanswered', right: 0, total, marks });
  switch (q.kind) {
    case 'single': {
      const marks = q.options.map(() => null as boolean | null);
      if (!isIndex(a, q.options.length)) return none(1, marks);
      const ok = q.options[a]!.correct;
      marks[a] = ok;
      return { score: ok ? 1 : 0, status: ok ? 'correct' : 'wrong', right: ok ? 1 : 0, total: 1, marks };
    }
    case 'truefalse': {
      if (typeof a !== 'boolean') return none(1, [null, null]);
      const ok = a === q.answer;
      return { score: ok ? 1 : 0, status: ok ? 'correct' : 'wrong', right: ok ? 1 : 0, total: 1, marks: a ? [ok, null] : [null, ok] };
    }
    case 'multiple': {
      const n = q.options.length;
      const chosen = new Set(Array.isArray(a) ? a.filter((v): v is number => isIndex(v, n)) : []);
      const marks = q.options.map((o, i) => (chosen.has(i) ? o.correct : null));
      const nCorrect = q.options.filter((o) => o.correct).length;
      if (chosen.size === 0) return none(n, marks);
      const hits = [...chosen].filter((i) => q.options[i]!.correct).length;
      const misses = chosen.size - hits;
      const exact = hits === nCorrect && misses === 0;
      const score = exact ? 1 : q.scoring === 'partial' ? Math.max(0, (hits - misses) / nCorrect) : 0;
      // Parts right: options judged right (chosen and correct, or left out and wrong).
      const right = q.options.filter((o, i) => chosen.has(i) === o.correct).length;
      return { score, status: exact ? 'correct' : hits > 0 ? 'partial' : 'wrong', right, total: n, marks };
    }
    case 'ordering': {
      const n = q.items.length;
      const valid = Array.isArray(a) && a.length === n && new Set(a).size === n && a.every((v) => isIndex(v, n));
      if (!valid) return none(n, q.items.map(() => null));
      const marks = (a as number[]).map((v, pos) => v === pos);
      const right = marks.filter(Boolean).length;
      return { score: right === n ? 1 : 0, status: right === n ? 'correct' : right > 0 ? 'partial' : 'wrong', right, total: n, marks };
    }
    case 'matching': {
      const n = q.pairs.length;
      const arr = Array.isArray(a) ? a : [];
      const marks = q.pairs.map((_, i) => (isIndex(arr[i], n) ? arr[i] === i : null));
      if (marks.every((m) => m === null)) return none(n, marks);
      const right = marks.filter((m) => m === true).length;
      return { score: right === n ? 1 : 0, status: right === n ? 'correct' : right > 0 ? 'partial' : 'wrong', right, total: n, marks };
    }
    case 'judgement': {
      // 0.5 for the most effective response, 0.5 for the least effective one. Marks are per
      // authored response: true/false when the learner picked it (as best or worst), else null.
      const n = q.responses.length;
      const arr = Array.isArray(a) ? a : [];
      const best = isIndex(arr[0], n) ? arr[0] : null;
      const worst = isIndex(arr[1], n) ? arr[1] : null;
      const marks = q.responses.map(() => null as boolean | null);
      if (best === null && worst === null) return none(2, marks);
      const okBest = best !== null && q.responses[best]!.rank === 'best';
      const okWorst = worst !== null && q.responses[worst]!.rank === 'worst';
      if (worst !== null) marks[worst] = okWorst;
      if (best !== null) marks[best] = okBest && (worst !== best || okWorst);
      const right = Number(okBest) + Number(okWorst);
      return { score: right / 2, status: right === 2 ? 'correct' : right === 1 ? 'partial' : 'wrong', right, total: 2, marks };
    }
  }
}

/** Scores a whole quiz: one point per question (partial credit where the question allows it). */
export function scoreQuiz(quiz: QuizData, answers: Answers): QuizResult {
  const results: Record<string, QuestionResult> = {};
  let score = 0;
  for (const q of quiz.questions) {
    const r = scoreQuestion(q, answers[q.id]);
    results[q.id] = r;
    score += r.score;
  }
  score = Math.round(score * 100) / 100;
  const max = quiz.questions.length;
  const ratio = max ? score / max : 0;
  return { score, max, ratio, passed: ratio >= quiz.passingScore - 1e-9, results };
}

/** Whether the learner has given an answer a checker can score (ordering always counts). */
export function isAnswered(q: Question, a: AnswerValue | undefined): boolean {
  return q.kind === 'ordering' || scoreQuestion(q, a).status !== 'unanswered';
}

/** Moves the element at `from` one place up (−1) or down (+1); out-of-range moves return a copy unchanged. */
export function moveItem<T>(list: readonly T[], from: number, delta: -1 | 1): T[] {
  const to = from + delta;
  const copy = [...list];
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return copy;
  [copy[from], copy[to]] = [copy[to]!, copy[from]!];
  return copy;
}

/** "3.5" / "4": scores with at most one decimal. */
export function formatScore(n: number): string {
  return String(Math.round(n * 10) / 10);
}
