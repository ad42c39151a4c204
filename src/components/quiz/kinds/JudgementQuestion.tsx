/**
 * 情境判断: two radio groups (最有效 / 最不妥), each a fieldset over the four responses in the
 * shuffled order; arrow keys move within a group, Tab between groups. After checking, every
 * response the learner picked shows its rank and feedback (all of them with 查看答案).
 */
import { Mark } from './Mark';
import type { KindOf, KindProps } from './types';

export function JudgementQuestion({ q, s, result, revealed, answer, base, order, onAnswer }: KindProps<KindOf<'judgement'>>) {
  const arr = Array.isArray(answer) ? answer : [null, null];
  const pick = (slot: 0 | 1, i: number) => onAnswer(slot === 0 ? [i, arr[1] ?? null] : [arr[0] ?? null, i]);
  const groups = [
    [0, 'quiz.judgement.best'],
    [1, 'quiz.judgement.worst'],
  ] as const;
  return (
    <>
      <div class="qz-judge">
        {groups.map(([slot, key]) => (
          <fieldset class="qz-judge-group" key={key}>
            <legend>{s[key]}</legend>
            <ul class="qz-options">
              {order.map((ri) => (
                <li key={ri}>
                  <label class="qz-option">
                    <input type="radio" name={`${base}-${slot}`} checked={arr[slot] === ri} onChange={() => pick(slot, ri)} />
                    <span>{q.responses[ri]!.text}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
      {result && (
        <ul class="qz-judge-fb">
          {order.map((ri) => {
            const r = q.responses[ri]!;
            const picked = arr[0] === ri || arr[1] === ri;
            if (!revealed && !picked) return null;
            // Picked as best it must be the best, picked as worst the worst.
            const ok = (arr[0] !== ri || r.rank === 'best') && (arr[1] !== ri || r.rank === 'worst');
            return (
              <li key={ri} class="qz-option-fb">
                <span class="qz-judge-text">{r.text}</span>
                <span>
                  {picked && <Mark ok={ok} s={s} right="quiz.markRight" wrong="quiz.markWrong" />}〔{s[`quiz.judgement.rank.${r.rank}` as const]}〕{r.feedback}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
