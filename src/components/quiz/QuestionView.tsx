/** One question: number, kind and prompt as the fieldset legend, the kind's controls, then feedback. */
import type { ComponentChildren } from 'preact';
import type { AnswerValue, QuestionResult } from '../../lib/quiz/engine';
import type { Question } from '../../lib/quiz/schema';
import { KIND_VIEWS, type KindProps } from './kinds';
import { fmt, type Strings } from './strings';

export interface QuestionViewProps {
  n: number;
  q: Question;
  quizId: string;
  order: number[];
  answer: AnswerValue;
  result: QuestionResult | null;
  revealed: boolean;
  refUrl?: string;
  s: Strings;
  onAnswer: (v: AnswerValue) => void;
  onMoved: (focusSelector: string, message: string) => void;
  /** Shown after the feedback (错题本: the question's own check / retry controls). */
  children?: ComponentChildren;
}

export function QuestionView(p: QuestionViewProps) {
  const { q, s, result, n } = p;
  const base = `${p.quizId}-${q.id}`;
  const Body = KIND_VIEWS[q.kind] as (props: KindProps) => preact.JSX.Element;
  return (
    <li class="qz-q" id={base} data-question-id={q.id} data-question-kind={q.kind} data-status={result?.status}>
      <fieldset disabled={result !== null}>
        <legend>
          <span class="qz-kind">
            {fmt(s, 'quiz.questionN', { n })} · {s[`quiz.kind.${q.kind}` as const]}
          </span>{' '}
          {q.prompt}
        </legend>
        <Body q={q} base={base} order={p.order} answer={p.answer} result={result} revealed={p.revealed} s={s} onAnswer={p.onAnswer} onMoved={p.onMoved} />
      </fieldset>
      {result && (
        <div class="qz-feedback">
          <p class={`qz-status qz-${result.status}`}>
            {s[`quiz.status.${result.status}` as const]}
            {result.total > 1 && result.status !== 'unanswered' && ` ${fmt(s, 'quiz.partsRight', { right: result.right, total: result.total })}`}
          </p>
          {(p.revealed || result.status === 'correct') && q.explanation && <p>{q.explanation}</p>}
          {p.refUrl && (
            <p>
              <a href={p.refUrl}>{s['quiz.seeLesson']}</a>
            </p>
          )}
        </div>
      )}
      {p.children}
    </li>
  );
}
