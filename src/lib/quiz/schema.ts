/**
 * Zod schemas for quiz and scenario data files (content/quizzes, content/scenarios).
 * Shape only; rules that span fields (exactly one correct option, scenario graph sanity)
 * live in ./validate.ts so they can name the question or node at fault.
 */
import { z } from 'astro/zod';

/** A reference to where a question is taught: "<lesson id>" or "<lesson id>#<heading anchor>". */
const lessonRef = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+(#.+)?$/, 'expected "<module>/<lesson>" or "<module>/<lesson>#<anchor>"');

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
  /** The question as asked. */
  prompt: z.string().min(2),
  /** Where the lesson teaches this (link shown with the feedback). */
  ref: lessonRef.optional(),
  /** Overall explanation shown after checking. */
  explanation: z.string().optional(),
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

export const questionSchema = z.discriminatedUnion('kind', [
  singleSchema,
  multipleSchema,
  trueFalseSchema,
  orderingSchema,
  matchingSchema,
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
  /** The questions, in order. */
  questions: z.array(questionSchema).min(1),
});

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
  principle: z.string().optional(),
});

/** A node of a scenario: either a decision point (text + choices) or an ending. */
const nodeSchema = z
  .strictObject({
    /** The situation at this point. */
    text: z.string().optional(),
    /** 2–4 choices; absent on endings. */
    choices: z.array(choiceSchema).min(2).max(4).optional(),
    /** Present only on endings. */
    ending: z
      .strictObject({
        /** How good the outcome is. */
        rating: z.enum(['good', 'mixed', 'bad']),
        /** Short name of the outcome. */
        title: z.string().min(2),
        /** What the outcome was. */
        text: z.string().min(2),
        /** 复盘: what the path teaches. */
        debrief: z.string().min(2),
      })
      .optional(),
  })
  .refine((n) => Boolean(n.ending) !== Boolean(n.choices), {
    message: 'a node has either "choices" (a decision point) or "ending", not both and not neither',
  })
  .refine((n) => n.ending || n.text, { message: 'a decision node needs "text"' });

export const scenarioSchema = z.strictObject({
  /** Scenario title. */
  title: z.string().min(2),
  /** Lesson id that hosts it. */
  lesson: lessonRef.optional(),
  /** Who the learner is and what is at stake. */
  intro: z.string().min(2),
  /** Id of the first node. */
  start: z.string().min(1),
  /** All nodes by id. */
  nodes: z.record(z.string(), nodeSchema),
});

export type Question = z.infer<typeof questionSchema>;
export type QuizData = z.infer<typeof quizSchema>;
export type ScenarioData = z.infer<typeof scenarioSchema>;
export type ScenarioNode = ScenarioData['nodes'][string];
export type ScenarioChoice = NonNullable<ScenarioNode['choices']>[number];
