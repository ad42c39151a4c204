/** 排序: move buttons (keyboard operable); focus follows the moved item. */
import { moveItem } from '../../../lib/quiz/engine';
import { fmt } from '../strings';
import { Mark } from './Mark';
import type { KindOf, KindProps } from './types';

export function OrderingQuestion({ q, s, result, revealed, answer, base, order, onAnswer, onMoved }: KindProps<KindOf<'ordering'>>) {
  const list = Array.isArray(answer) ? (answer as number[]) : order;
  const move = (pos: number, d: -1 | 1) => {
    const to = pos + d;
    if (to < 0 || to >= list.length) return;
    onAnswer(moveItem(list, pos, d));
    onMoved(`[data-move="${base}-${to}-${d}"]`, fmt(s, 'quiz.moved', { item: q.items[list[pos]!]!.text, n: to + 1 }));
  };
  return (
    <>
      <ol class="qz-order">
        {list.map((ii, pos) => {
          const item = q.items[ii]!;
          const mark = result?.marks[pos];
          return (
            <li key={ii}>
              <span class="qz-order-text">{item.text}</span>
              {!result && (
                <span class="qz-order-buttons">
                  {([-1, 1] as const).map((d) => {
                    const edge = (d === -1 && pos === 0) || (d === 1 && pos === list.length - 1);
                    return (
                      <button type="button" class="qz-move" data-move={`${base}-${pos}-${d}`} aria-disabled={edge ? 'true' : undefined} onClick={() => move(pos, d)}>
                        {d === -1 ? '↑ ' : '↓ '}
                        {d === -1 ? s['quiz.moveUp'] : s['quiz.moveDown']}
                        <span class="visually-hidden">：{item.text}</span>
                      </button>
                    );
                  })}
                </span>
              )}
              {mark != null && (
                <p class="qz-option-fb">
                  <Mark ok={mark} s={s} right="quiz.placeRight" wrong="quiz.placeWrong" />
                  {mark && ` ${item.feedback}`}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {revealed && (
        <div class="qz-reveal">
          <p>
            <strong>{s['quiz.correctOrder']}</strong>
          </p>
          <ol>
            {q.items.map((it) => (
              <li key={it.text}>
                {it.text}：{it.feedback}
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}
