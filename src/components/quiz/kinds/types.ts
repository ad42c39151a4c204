/**
 * The one interface every question-kind component implements (src/components/quiz/kinds/*).
 * A kind component renders the answer controls of one question and, once checked, the
 * per-option feedback; the shared frame (number, prompt, status, explanation) is QuestionView.
 */
import type { AnswerValue, QuestionResult } from '../../../lib/quiz/engine';
import type { Question } from '../../../lib/quiz/schema';
import type { Strings } from '../strings';

export interface KindProps<Q extends Question = Question> {
  q: Q;
  /** Unique id prefix for this question on the page (input names, ids). */
  base: string;
  /** Display order of options / items / right-hand choices / responses (authored indices). */
  order: number[];
  answer: AnswerValue;
  /** Set once the quiz has been checked. */
  result: QuestionResult | null;
  /** "查看答案" is on: show every option's feedback. */
  revealed: boolean;
  s: Strings;
  onAnswer: (v: AnswerValue) => void;
  /** After a keyboard move: the element to focus and the message to announce. */
  onMoved: (focusSelector: string, message: string) => void;
}

export type KindOf<K extends Question['kind']> = Extract<Question, { kind: K }>;
