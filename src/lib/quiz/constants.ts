/**
 * Plain constants of the assessment format (no Zod, so browser code can import them without
 * pulling the schema library into the quiz islands).
 */

/** Cognitive level of a question (a reduced Bloom scale). */
export const LEVELS = ['remember', 'understand', 'apply', 'analyze'] as const;
export type Level = (typeof LEVELS)[number];
/** Levels that count towards the apply/analyze quota. */
export const HIGHER_LEVELS: readonly Level[] = ['apply', 'analyze'];

/** Item-linter rule ids (src/lib/quiz/lint.ts); a waiver names one of them. */
export const LINT_RULES = [
  'single-key-longest',
  'single-key-ratio',
  'tf-balance',
  'tf-absolute-words',
  'multiple-min-wrong',
  'multiple-correct-varies',
  'scenario-choice-length',
  'scenario-best-longest',
  'scenario-defensible',
  'near-duplicate',
  'level-required',
  'level-mix',
  'no-catch-all',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'truefalse', 'ordering', 'matching', 'judgement'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
