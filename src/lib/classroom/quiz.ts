/**
 * Quiz questions for classroom use (pure): the slim shape a live-quiz island receives, and the
 * correct answer as text for the answer key and presenter notes. Works on the content schema's
 * question union without importing Zod.
 */

import { hashSeed, mixedPermutation, mulberry32 } from '../quiz/prng.ts';
type Option = { text: string; correct: boolean; feedback: string };
export type AnyQuestion =
  | { kind: 'single' | 'multiple'; id: string; prompt: string; explanation?: string; options: Option[] }
  | { kind: 'truefalse'; id: string; prompt: string; explanation?: string; answer: boolean; feedbackTrue: string; feedbackFalse: string }
  | { kind: 'ordering'; id: string; prompt: string; explanation?: string; items: { text: string; feedback: string }[] }
  | { kind: 'matching'; id: string; prompt: string; explanation?: string; pairs: { left: string; right: string; feedback: string }[] }
  | { kind: 'judgement'; id: string; prompt: string; explanation?: string; responses: { text: string; rank: 'best' | 'worst' | 'middle'; feedback: string }[] };

/** What the live quiz shows: choices to tally (single/multiple/true-false) or items to arrange. */
export interface LiveQuestion {
  kind: AnyQuestion['kind'];
  prompt: string;
  /** Options in display order (choices), shuffled steps (ordering) or left items (matching). */
  options: string[];
  /** For choice questions: which displayed options are correct (judgement: the most effective response). */
  correct: number[];
  /** Judgement only: the least effective response (display position). */
  worst: number[];
  /** For matching: the right-hand items in display order. */
  rights: string[];
  /** What the reveal shows as the answer, one line each. */
  answer: string[];
  /** Overall explanation, or the feedback of the correct option(s). */
  explanation: string;
  /** Choice questions can be tallied by show of hands. */
  tallyable: boolean;
}

/**
 * Deterministic shuffle (so server and client render the same order) seeded by a string. Uses the
 * project's one seedable PRNG (src/lib/quiz/prng.ts); never the identity order for 2+ items, since
 * a "shuffled" order identical to the answer would give it away.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  return mixedPermutation(items.length, mulberry32(hashSeed(seed))).map((i) => items[i]!);
}

export const LETTERS = 'ABCDEFGHIJ';

/** The slim, serialisable question for the live quiz island. */
export function toLiveQuestion(q: AnyQuestion, seed: string, labels = { yes: '对', no: '错', best: '最有效', worst: '最不妥' }): LiveQuestion {
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      const correct = q.options.flatMap((o, i) => (o.correct ? [i] : []));
      const fb = q.options.filter((o) => o.correct).map((o) => o.feedback).join(' ');
      return {
        kind: q.kind,
        prompt: q.prompt,
        options: q.options.map((o) => o.text),
        correct,
        worst: [],
        rights: [],
        answer: correct.map((i) => `${LETTERS[i]}. ${q.options[i]!.text}`),
        explanation: q.explanation ?? fb,
        tallyable: true,
      };
    }
    case 'truefalse':
      return {
        kind: 'truefalse',
        prompt: q.prompt,
        options: [labels.yes, labels.no],
        correct: [q.answer ? 0 : 1],
        worst: [],
        rights: [],
        answer: [q.answer ? labels.yes : labels.no],
        explanation: q.explanation ?? (q.answer ? q.feedbackTrue : q.feedbackFalse),
        tallyable: true,
      };
    case 'ordering':
      return {
        kind: 'ordering',
        prompt: q.prompt,
        options: seededShuffle(q.items.map((i) => i.text), seed),
        correct: [],
        worst: [],
        rights: [],
        answer: q.items.map((i, n) => `${n + 1}. ${i.text}`),
        explanation: q.explanation ?? '',
        tallyable: false,
      };
    case 'matching':
      return {
        kind: 'matching',
        prompt: q.prompt,
        options: q.pairs.map((p) => p.left),
        correct: [],
        worst: [],
        rights: seededShuffle(q.pairs.map((p) => p.right), seed),
        answer: q.pairs.map((p) => `${p.left} → ${p.right}`),
        explanation: q.explanation ?? '',
        tallyable: false,
      };
    case 'judgement': {
      // Responses shuffled (authored order often follows rank); the class votes best and worst.
      const order = seededShuffle(q.responses.map((_, i) => i), seed);
      const pos = (rank: string) => order.findIndex((i) => q.responses[i]!.rank === rank);
      const line = (rank: 'best' | 'worst', label: string) => `${label}：${LETTERS[pos(rank)]}. ${q.responses[order[pos(rank)]!]!.text}`;
      return {
        kind: 'judgement',
        prompt: q.prompt,
        options: order.map((i) => q.responses[i]!.text),
        correct: [pos('best')],
        worst: [pos('worst')],
        rights: [],
        answer: [line('best', labels.best), line('worst', labels.worst)],
        explanation: q.explanation ?? order.map((i) => q.responses[i]!).filter((r) => r.rank !== 'middle').map((r) => r.feedback).join(' '),
        tallyable: true,
      };
    }
  }
}

/* ---------- Shuffled option order for a live quiz (issue 16) ---------- */

/** Choice questions whose options the presenter may shuffle (true/false keeps 对 before 错). */
export const canShuffle = (q: Pick<LiveQuestion, 'kind'>): boolean => q.kind === 'single' || q.kind === 'multiple' || q.kind === 'judgement';

/** The order as built: display position i shows option i. */
export const identityOrder = (n: number): number[] => Array.from({ length: Math.max(0, n) }, (_, i) => i);

/**
 * A new display order (display position → option index of the LiveQuestion) that differs from
 * `current` whenever there are 2+ options, so every press of 打乱 visibly changes the slide.
 */
export function reshuffle(current: readonly number[], seed: number): number[] {
  return mixedPermutation(current.length, mulberry32(seed)).map((i) => current[i]!);
}

/**
 * The answer lines for options shown in `order`: the letters follow the display positions.
 * Single/multiple: "L. text" per correct option, in display order; judgement: the two lines keep
 * their "最有效：" / "最不妥：" labels (the text before the first "："). Other kinds: unchanged.
 */
export function liveAnswer(q: LiveQuestion, order: readonly number[]): string[] {
  const at = (i: number) => order.indexOf(i);
  const line = (i: number) => `${LETTERS[at(i)]}. ${q.options[i]}`;
  if (q.kind === 'single' || q.kind === 'multiple') {
    return [...q.correct].sort((a, b) => at(a) - at(b)).map(line);
  }
  if (q.kind === 'judgement') {
    const label = (n: number) => q.answer[n]?.split('：')[0] ?? '';
    return [`${label(0)}：${line(q.correct[0]!)}`, `${label(1)}：${line(q.worst[0]!)}`];
  }
  return q.answer;
}
