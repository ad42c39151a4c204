/** 匹配: one labelled select per left item. */
import { Mark } from './Mark';
import type { KindOf, KindProps } from './types';

export function MatchingQuestion({ q, s, result, revealed, answer, base, order, onAnswer }: KindProps<KindOf<'matching'>>) {
  const arr = Array.isArray(answer) ? answer : q.pairs.map(() => null);
  return (
    <>
      <ul class="qz-match">
        {q.pairs.map((pair, li) => {
          const mark = result?.marks[li];
          const sel = `${base}-m${li}`;
          return (
            <li key={li}>
              <label for={sel} class="qz-match-left">
                {pair.left}
              </label>
              <select
                id={sel}
                value={arr[li] == null ? '' : String(arr[li])}
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLSelectElement).value;
                  const next = [...arr];
                  next[li] = v === '' ? null : Number(v);
                  onAnswer(next);
                }}
              >
                <option value="">{s['quiz.choose']}</option>
                {order.map((ri) => (
                  <option key={ri} value={String(ri)}>
                    {q.pairs[ri]!.right}
                  </option>
                ))}
              </select>
              {result && (
                <p class="qz-option-fb">
                  {mark == null ? s['quiz.status.unanswered'] : <Mark ok={mark} s={s} right="quiz.pairRight" wrong="quiz.pairWrong" />}
                  {mark && ` ${pair.feedback}`}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {revealed && (
        <div class="qz-reveal">
          <p>
            <strong>{s['quiz.correctPairs']}</strong>
          </p>
          <ul>
            {q.pairs.map((pair) => (
              <li key={pair.left}>
                {pair.left} → {pair.right}：{pair.feedback}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
