/**
 * Zod schemas for quiz and scenario data files (content/quizzes, content/scenarios): format v2,
 * the contract in issue 11 (levels, judgement items, final-assessment pool, scenario state).
 * Shape only; rules that span fields (exactly one correct option, condition syntax and types,
 * scenario graph and state sanity) live in ./validate.ts so they can name the question or node.
 */
import { z } from 'astro/zod';
import { LEVELS, LINT_RULES } from './constants.ts';

export { HIGHER_LEVELS, LEVELS, LINT_RULES, QUESTION_KINDS, type Level, type LintRule, type QuestionKind } from './constants.ts';

/** A reference to where a question is taught: "<lesson id>" or "<lesson id>#<heading anchor>". */
const lessonRef = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+(#.+)?$/, 'expected "<module>/<lesson>" or "<module>/<lesson>#<anchor>"');

/** Skip ONE linter rule for this item (rare: ≤ 5 in the course), with a written reason. */
export const lintWaiverSchema = z.strictObject({
  rule: z.enum(LINT_RULES),
  reason: z.string().min(4, 'a waiver needs a written reason'),
});

/** One answer option of a single- or multiple-choice question. */
export const optionSchema = z.strictObject({
  /** Option text shown to the learner. */
  text: z.string().min(1),
  /** True for a right answer. */
  correct: z.boolean().default(false),
  /** Why choosing this option is right or wrong. */
  feedback: z.string().min(2),
});

const questionBase = {
  /** Unique within the quiz; used in saved answers. */
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  /** Cognitive level: remember | understand | apply | analyze. */
  level: z.enum(LEVELS),
  /** The question as asked. */
  prompt: z.string().min(2),
  /** Where the lesson teaches this (link shown with the feedback); required in a drawn pool. */
  ref: lessonRef.optional(),
  /** Overall explanation shown after checking. */
  explanation: z.string().optional(),
  /** Optional waiver of one linter rule for this item. */
  lintWaiver: lintWaiverSchema.optional(),
};

/** 单选: exactly one correct option. */
const singleSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('single'),
  options: z.array(optionSchema).min(2).max(8),
});

/** 多选: one or more correct options; scoring rule per question. */
const multipleSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('multiple'),
  options: z.array(optionSchema).min(2).max(10),
  /** all-or-nothing: 1 only when exactly right; partial: +share per right pick, −share per wrong pick, floor 0. */
  scoring: z.enum(['all-or-nothing', 'partial']).default('all-or-nothing'),
});

/** 判断: a statement that is true or false. */
const trueFalseSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('truefalse'),
  /** Whether the statement is true. */
  answer: z.boolean(),
  /** Feedback when the learner answers "对". */
  feedbackTrue: z.string().min(2),
  /** Feedback when the learner answers "错". */
  feedbackFalse: z.string().min(2),
});

/** 排序: items listed in the correct order; shown shuffled. */
const orderingSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('ordering'),
  items: z
    .array(
      z.strictObject({
        /** Step text. */
        text: z.string().min(1),
        /** Why this step belongs at this position. */
        feedback: z.string().min(2),
      }),
    )
    .min(2)
    .max(10),
});

/** 匹配: pair each left item with its right item. */
const matchingSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('matching'),
  pairs: z
    .array(
      z.strictObject({
        /** Item in the first list (e.g. a situation). */
        left: z.string().min(1),
        /** Its partner in the second list (e.g. a principle). */
        right: z.string().min(1),
        /** Why these two belong together. */
        feedback: z.string().min(2),
      }),
    )
    .min(2)
    .max(10),
});

/** 情境判断: four responses to a situation; the learner picks the most and the least effective. */
const judgementSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('judgement'),
  responses: z
    .array(
      z.strictObject({
        /** The response (a course of action). */
        text: z.string().min(1),
        /** best (exactly one), worst (exactly one), middle (the other two). */
        rank: z.enum(['best', 'worst', 'middle']),
        /** Why this response is effective or not. */
        feedback: z.string().min(2),
      }),
    )
    .length(4, 'a judgement item has exactly 4 responses'),
});

export const questionSchema = z.discriminatedUnion('kind', [
  singleSchema,
  multipleSchema,
  trueFalseSchema,
  orderingSchema,
  matchingSchema,
  judgementSchema,
]);

export const quizSchema = z.strictObject({
  /** Heading shown above the quiz. */
  title: z.string().min(2),
  /** Lesson id that hosts the quiz. */
  lesson: lessonRef.optional(),
  /** Fraction of the maximum score needed to pass (0–1). */
  passingScore: z.number().min(0).max(1).default(0.6),
  /** Shuffle option order per attempt (never applies to true/false). */
  shuffle: z.boolean().default(true),
  /**
   * Present on a question pool (the final assessment): each attempt draws `count` questions,
   * stratified by module (from `ref`), kind and level. Absent: every question, every attempt.
   */
  draw: z.strictObject({ count: z.number().int().min(1) }).optional(),
  /** The questions, in order (the pool when `draw` is set). */
  questions: z.array(questionSchema).min(1),
});

/** A scenario variable: a number with a range or a flag. */
const variableSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('number'),
    /** Shown to learners and in class (e.g. 领导信任). */
    label: z.string().min(1),
    min: z.number().int(),
    max: z.number().int(),
    initial: z.number().int(),
  }),
  z.strictObject({
    type: z.literal('flag'),
    label: z.string().min(1),
    initial: z.boolean().default(false),
  }),
]);

/** A condition over the scenario's variables, e.g. `briefed and trust >= 6` (grammar: ./condition.ts). */
const condition = z.string().min(1);

/** A choice at a scenario decision point. */
const choiceSchema = z.strictObject({
  /** What the learner decides to do. */
  text: z.string().min(1),
  /** Id of the node this choice leads to. */
  next: z.string().min(1),
  /** Points earned by this choice (0 = poor). */
  points: z.number().int().min(0).max(10),
  /** What happened because of this choice. */
  feedback: z.string().min(2),
  /** Which principle or method the choice honours or breaks. */
  principle: z.string().min(2),
  /** What a defensible choice gives up (present on choices a thoughtful practitioner could defend). */
  tradeoff: z.string().min(2).optional(),
  /** Shown only when this condition holds. */
  when: condition.optional(),
  /** Changes to variables: `set` flags or numbers, `add` to numbers (clamped to [min, max]). */
  effects: z
    .strictObject({
      set: z.record(z.string(), z.union([z.boolean(), z.number()])).optional(),
      add: z.record(z.string(), z.number()).optional(),
    })
    .optional(),
});

/** One possible ending at a terminal node; the first whose `when` holds is the learner's. */
const endingSchema = z.strictObject({
  /** Unique within the scenario; saved in progress. */
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  /** Absent = always holds (use on the last entry). */
  when: condition.optional(),
  /** How good the outcome is. */
  rating: z.enum(['good', 'mixed', 'bad']),
  /** Short name of the outcome (no "复盘：" prefix). */
  title: z.string().min(2),
  /** What the outcome was. */
  text: z.string().min(2),
  /** 复盘: what the path teaches (always shown; no "复盘：" prefix, the page adds the label). */
  debrief: z.string().min(2),
  /** Extra debrief paragraphs shown when their condition holds. */
  debriefIf: z.array(z.strictObject({ when: condition, text: z.string().min(2) })).optional(),
});

/** A node of a scenario: either a decision point (text + choices) or a terminal node (endings). */
const nodeSchema = z
  .strictObject({
    /** The situation at this point (decision points; optional on terminal nodes). */
    text: z.string().optional(),
    /** Replacements for `text`: the first whose `when` holds is shown. */
    variants: z.array(z.strictObject({ when: condition, text: z.string().min(2) })).optional(),
    /** 2–4 choices; absent on terminal nodes. */
    choices: z.array(choiceSchema).min(2).max(4).optional(),
    /** Present only on terminal nodes, evaluated in order. */
    endings: z.array(endingSchema).min(1).optional(),
    /** Optional waiver of one linter rule for this decision point. */
    lintWaiver: lintWaiverSchema.optional(),
  })
  .refine((n) => Boolean(n.endings) !== Boolean(n.choices), {
    message: 'a node has either "choices" (a decision point) or "endings" (a terminal node), not both and not neither',
  })
  .refine((n) => n.endings || n.text, { message: 'a decision node needs "text"' });

export const scenarioSchema = z.strictObject({
  /** Scenario title. */
  title: z.string().min(2),
  /** Lesson id that hosts it. */
  lesson: lessonRef.optional(),
  /** Who the learner is and what is at stake. */
  intro: z.string().min(2),
  /** Id of the first node. */
  start: z.string().min(1),
  /** Declared variables; every name used in effects or conditions must be here. */
  variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'variable names are ASCII identifiers'), variableSchema).optional(),
  /** All nodes by id. */
  nodes: z.record(z.string(), nodeSchema),
});

export type Question = z.infer<typeof questionSchema>;
export type JudgementQuestion = z.infer<typeof judgementSchema>;
export type QuizData = z.infer<typeof quizSchema>;
export type ScenarioData = z.infer<typeof scenarioSchema>;
export type ScenarioVariable = z.infer<typeof variableSchema>;
export type ScenarioNode = ScenarioData['nodes'][string];
export type ScenarioChoice = NonNullable<ScenarioNode['choices']>[number];
export type ScenarioEnding = NonNullable<ScenarioNode['endings']>[number];
export type LintWaiver = z.infer<typeof lintWaiverSchema>;
