/**
 * Interactive quiz (all five question kinds). Renders the server fallback (children) until
 * hydrated, then the interactive form. Logic lives in src/lib/quiz/engine.ts; this component
 * only renders state and dispatches actions.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Question, QuizData } from '../../lib/quiz/schema';
import {
  formatScore,
  initialAnswers,
  layoutQuiz,
  moveItem,
  scoreQuiz,
  type AnswerValue,
  type Answers,
  type Layout,
  type QuestionResult,
  type QuizResult,
} from '../../lib/quiz/engine';
import { parseSeed } from '../../lib/quiz/prng';
import { getProgressStore } from '../../lib/progress/store';
import { recordQuizAttempt } from '../../lib/progress/records';
import { fmt, type Strings } from './strings';
import { useProgress } from './useProgress';

interface Props {
  id: string;
  quiz: QuizData;
  /** Question id → URL of the lesson section that teaches it. */
  refs: Record<string, string>;
  strings: Strings;
  children?: ComponentChildren;
}

function seedFromPage(): number {
  try {
    const s = parseSeed(new URLSearchParams(location.search).get('seed'));
    if (s !== undefined) return s;
  } catch {
    /* no location */
  }
  return Math.floor(Math.random() * 2 ** 31);
}

export default function QuizIsland({ id, quiz, refs, strings: s, children }: Props) {
  const [ready, setReady] = useState(false);
  const [seed, setSeed] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [layout, setLayout] = useState<Layout>({});
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [focusSel, setFocusSel] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const { data, status } = useProgress();

  useEffect(() => {
    const sd = seedFromPage();
    const l = layoutQuiz(quiz, sd);
    setSeed(sd);
    setLayout(l);
    setAnswers(initialAnswers(quiz, l));
    setReady(true);
  }, []);

  useEffect(() => {
    if (!focusSel || !root.current) return;
    root.current.querySelector<HTMLElement>(focusSel)?.focus();
    setFocusSel(null);
  }, [focusSel]);

  if (!ready) return <div class="qz-fallback">{children}</div>;

  const set = (qid: string, v: AnswerValue) => setAnswers((a) => ({ ...a, [qid]: v }));

  const check = () => {
    const r = scoreQuiz(quiz, answers);
    setResult(r);
    const verdict = fmt(s, r.passed ? 'quiz.passed' : 'quiz.failed', { pct: Math.round(quiz.passingScore * 100) });
    setAnnounce(fmt(s, 'quiz.announce', { score: formatScore(r.score), max: r.max, verdict }));
    getProgressStore().update((d) =>
      recordQuizAttempt(d, {
        quizId: id,
        score: r.score,
        maxScore: r.max,
        passed: r.passed,
        answers,
        wrongIds: quiz.questions.filter((q) => r.results[q.id]!.status !== 'correct').map((q) => q.id),
        at: Date.now(),
      }),
    );
    setFocusSel('.qz-summary');
  };

  const retry = () => {
    const next = attempt + 1;
    const l = layoutQuiz(quiz, seed + next);
    setAttempt(next);
    setLayout(l);
    setAnswers(initialAnswers(quiz, l));
    setResult(null);
    setRevealed(false);
    setAnnounce('');
    setFocusSel('.qz-q input, .qz-q button, .qz-q select');
  };

  const rec = data?.quizzes[id];
  const pct = Math.round(quiz.passingScore * 100);
  return (
    <div class="qz" ref={root}>
      <form
        class="qz-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!result) check();
        }}
      >
        <ol class="qz-list">
          {quiz.questions.map((q, i) => (
            <QuestionView
              key={`${q.id}-${attempt}`}
              n={i + 1}
              q={q}
              order={layout[q.id] ?? []}
              answer={answers[q.id] ?? null}
              result={result?.results[q.id] ?? null}
              revealed={revealed}
              refUrl={refs[q.id]}
              s={s}
              quizId={id}
              onAnswer={(v) => set(q.id, v)}
              onMoved={(sel, msg) => {
                setAnnounce(msg);
                setFocusSel(sel);
              }}
            />
          ))}
        </ol>
        {!result && (
          <p class="qz-actions">
            <button type="submit" class="button">
              {s['quiz.check']}
            </button>
          </p>
        )}
      </form>
      {result && (
        <div class="qz-summary" tabIndex={-1} data-passed={String(result.passed)}>
          <p class="qz-summary-title">
            <strong>{s['quiz.resultTitle']}</strong>：{fmt(s, 'quiz.score', { score: formatScore(result.score), max: result.max })}
          </p>
          <p>{fmt(s, result.passed ? 'quiz.passed' : 'quiz.failed', { pct })}</p>
          {quiz.questions.some((q) => result.results[q.id]!.status !== 'correct') && (
            <>
              <p>{s['quiz.review']}</p>
              <ul class="qz-review">
                {quiz.questions.map((q, i) =>
                  result.results[q.id]!.status === 'correct' ? null : (
                    <li key={q.id}>
                      <a href={`#${id}-${q.id}`}>{fmt(s, 'quiz.questionN', { n: i + 1 })}</a>
                      {refs[q.id] && (
                        <>
                          {' · '}
                          <a href={refs[q.id]}>{s['quiz.seeLesson']}</a>
                        </>
                      )}
                    </li>
                  ),
                )}
              </ul>
            </>
          )}
          <p class="qz-actions">
            <button type="button" class="button" onClick={retry}>
              {s['quiz.retry']}
            </button>
            <button type="button" class="button secondary" aria-expanded={revealed} onClick={() => setRevealed(!revealed)}>
              {s['quiz.showAnswer']}
            </button>
          </p>
        </div>
      )}
      {rec && (
        <p class="qz-saved" data-quiz-saved>
          {fmt(s, 'quiz.saved', {
            n: rec.attempts,
            last: formatScore(rec.lastScore),
            best: formatScore(rec.bestScore),
            max: rec.maxScore,
            passed: rec.passed ? s['quiz.savedPassed'] ?? '' : '',
          })}
        </p>
      )}
      {status && !status.saved && (
        <p class="qz-notice" data-storage-notice>
          {s['quiz.noStorage']}
        </p>
      )}
      <p class="visually-hidden" role="status">
        {announce}
      </p>
    </div>
  );
}

interface QProps {
  n: number;
  q: Question;
  order: number[];
  answer: AnswerValue;
  result: QuestionResult | null;
  revealed: boolean;
  refUrl?: string;
  s: Strings;
  quizId: string;
  onAnswer: (v: AnswerValue) => void;
  onMoved: (focusSelector: string, message: string) => void;
}

function QuestionView(p: QProps) {
  const { q, s, result, revealed, n } = p;
  const base = `${p.quizId}-${q.id}`;
  const done = result !== null;
  return (
    <li class="qz-q" id={base} data-question-id={q.id} data-question-kind={q.kind} data-status={result?.status}>
      <fieldset disabled={done}>
        <legend>
          <span class="qz-kind">
            {fmt(s, 'quiz.questionN', { n })} · {s[`quiz.kind.${q.kind}` as const]}
          </span>{' '}
          {q.prompt}
        </legend>
        <Body {...p} base={base} />
      </fieldset>
      {result && (
        <div class="qz-feedback">
          <p class={`qz-status qz-${result.status}`}>
            {s[`quiz.status.${result.status}` as const]}
            {result.total > 1 && result.status !== 'unanswered' && ` ${fmt(s, 'quiz.partsRight', { right: result.right, total: result.total })}`}
          </p>
          {(revealed || result.status === 'correct') && q.explanation && <p>{q.explanation}</p>}
          {p.refUrl && (
            <p>
              <a href={p.refUrl}>{s['quiz.seeLesson']}</a>
            </p>
          )}
        </div>
      )}
    </li>
  );
}

function Mark({ ok, s, right, wrong }: { ok: boolean; s: Strings; right: 'quiz.markRight' | 'quiz.markAnswer' | 'quiz.placeRight' | 'quiz.pairRight'; wrong: 'quiz.markWrong' | 'quiz.markNotAnswer' | 'quiz.placeWrong' | 'quiz.pairWrong' }) {
  return <strong class={ok ? 'qz-ok' : 'qz-bad'}>{ok ? s[right] : s[wrong]}</strong>;
}

function Body(p: QProps & { base: string }) {
  const { q, s, result, revealed, answer, base, order } = p;
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      const multi = q.kind === 'multiple';
      const chosen = new Set<number>(multi ? ((answer as number[]) ?? []) : typeof answer === 'number' ? [answer] : []);
      return (
        <ul class="qz-options">
          {order.map((oi) => {
            const o = q.options[oi]!;
            const mark = result?.marks[oi];
            const showFb = result && (revealed || mark != null);
            return (
              <li key={oi}>
                <label class="qz-option">
                  <input
                    type={multi ? 'checkbox' : 'radio'}
                    name={base}
                    checked={chosen.has(oi)}
                    onChange={() => {
                      if (!multi) return p.onAnswer(oi);
                      const next = new Set(chosen);
                      if (next.has(oi)) next.delete(oi);
                      else next.add(oi);
                      p.onAnswer([...next].sort((a, b) => a - b));
                    }}
                  />
                  <span>{o.text}</span>
                </label>
                {showFb && (
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
    case 'truefalse': {
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
                  <input type="radio" name={base} checked={answer === v} onChange={() => p.onAnswer(v)} />
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
    case 'ordering': {
      const list = Array.isArray(answer) ? (answer as number[]) : order;
      const move = (pos: number, d: -1 | 1) => {
        const to = pos + d;
        if (to < 0 || to >= list.length) return;
        p.onAnswer(moveItem(list, pos, d));
        p.onMoved(`[data-move="${base}-${to}-${d}"]`, fmt(s, 'quiz.moved', { item: q.items[list[pos]!]!.text, n: to + 1 }));
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
    case 'matching': {
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
                      p.onAnswer(next);
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
  }
}
