/** 单选 / 多选: radio buttons or checkboxes in the shuffled order. */
import { Mark } from './Mark';
import type { KindOf, KindProps } from './types';

export function ChoiceQuestion({ q, s, result, revealed, answer, base, order, onAnswer }: KindProps<KindOf<'single'> | KindOf<'multiple'>>) {
  const multi = q.kind === 'multiple';
  const chosen = new Set<number>(multi ? (Array.isArray(answer) ? (answer.filter((x) => x !== null) as number[]) : []) : typeof answer === 'number' ? [answer] : []);
  return (
    <ul class="qz-options">
      {order.map((oi) => {
        const o = q.options[oi]!;
        const mark = result?.marks[oi];
        return (
          <li key={oi}>
            <label class="qz-option">
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={base}
                checked={chosen.has(oi)}
                onChange={() => {
                  if (!multi) return onAnswer(oi);
                  const next = new Set(chosen);
                  if (next.has(oi)) next.delete(oi);
                  else next.add(oi);
                  onAnswer([...next].sort((a, b) => a - b));
                }}
              />
              <span>{o.text}</span>
            </label>
            {result && (revealed || mark != null) && (
              <p class="qz-option-fb">
                {mark != null ? <Mark ok={mark} s={s} right="quiz.markRight" wrong="quiz.markWrong" /> : <Mark ok={o.correct} s={s} right="quiz.markAnswer" wrong="quiz.markNotAnswer" />}
                {mark != null && revealed && o.correct && <> · {s['quiz.markAnswer']}</>} {o.feedback}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
