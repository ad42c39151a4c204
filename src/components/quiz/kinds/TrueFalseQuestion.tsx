/** 判断: 对 / 错 (never shuffled). */
import { Mark } from './Mark';
import type { KindOf, KindProps } from './types';

export function TrueFalseQuestion({ q, s, result, revealed, answer, base, onAnswer }: KindProps<KindOf<'truefalse'>>) {
  const opts: [boolean, string, string][] = [
    [true, s['quiz.true'] ?? '对', q.feedbackTrue],
    [false, s['quiz.false'] ?? '错', q.feedbackFalse],
  ];
  return (
    <ul class="qz-options qz-tf">
      {opts.map(([v, label, fb], i) => {
        const mark = result?.marks[i];
        return (
          <li key={label}>
            <label class="qz-option">
              <input type="radio" name={base} checked={answer === v} onChange={() => onAnswer(v)} />
              <span>{label}</span>
            </label>
            {result && (revealed || mark != null) && (
              <p class="qz-option-fb">
                {mark != null ? <Mark ok={mark} s={s} right="quiz.markRight" wrong="quiz.markWrong" /> : <Mark ok={v === q.answer} s={s} right="quiz.markAnswer" wrong="quiz.markNotAnswer" />} {fb}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
