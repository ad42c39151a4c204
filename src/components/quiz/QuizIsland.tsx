/**
 * Interactive quiz (every question kind; one component per kind in ./kinds). Renders the server
 * fallback (children) until hydrated. Logic lives in src/lib/quiz (engine, draw); this component
 * holds the attempt's state:
 *  - after a reload, the learner's last checked answers come back with their feedback;
 *  - a question pool (`draw`, the final assessment) draws a paper per attempt with a stored seed:
 *    a reload shows the same paper, a retake draws a new one;
 *  - (issue 16) checking with unanswered questions asks first, and a blank attempt is not checked or
 *    recorded; a passed quiz leads on (下一课 →, with a brief acknowledgement) and missed questions to 错题本.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { QuizData } from '../../lib/quiz/schema';
import { formatScore, initialAnswers, isAnswered, layoutQuiz, scoreQuiz, type AnswerValue, type Answers, type Layout, type QuizResult } from '../../lib/quiz/engine';
import { parseSeed } from '../../lib/quiz/prng';
import { getProgressStore } from '../../lib/progress/store';
import { recordQuizAttempt, recordQuizPaper } from '../../lib/progress/records';
import { QuestionView } from './QuestionView';
import { fmt, type Strings } from './strings';
import { useProgress } from './useProgress';

/** The draw functions (src/lib/quiz/draw.ts); passed in by QuizPoolIsland only, so lesson quizzes do not ship them. */
export type DrawApi = Pick<typeof import('../../lib/quiz/draw'), 'drawPaper' | 'paperFits' | 'paperQuiz'>;

export interface QuizIslandProps {
  id: string;
  /** The quiz, or the whole pool when it has `draw`. */
  quiz: QuizData;
  /** Question id → URL of the lesson section that teaches it. */
  refs: Record<string, string>;
  strings: Strings;
  children?: ComponentChildren;
  /** Present for a question pool (`draw`). */
  draw?: DrawApi;
  /** Where a passed quiz leads: the next lesson (or, after the last one, the progress page). */
  next?: { title: string; url: string };
  progressUrl?: string;
  /** The 错题本 page (missed questions, to retry). */
  mistakesUrl?: string;
}

/** ?seed=… (tests, a shared layout) or a fresh random seed. */
function pageSeed(): number {
  try {
    const s = parseSeed(new URLSearchParams(location.search).get('seed'));
    if (s !== undefined) return s;
  } catch {
    /* no location */
  }
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

interface Attempt {
  /** The questions of this attempt (a pool: the drawn paper). */
  quiz: QuizData;
  /** Layout seed (a pool: the paper's seed). */
  seed: number;
  /** Pool only: the drawn paper's question ids. */
  paper?: string[];
  layout: Layout;
  answers: Answers;
  result: QuizResult | null;
  /** The answers and result were restored from saved progress. */
  restored: boolean;
}

export default function QuizIsland({ id, quiz: pool, refs, strings: s, children, draw, next, progressUrl, mistakesUrl }: QuizIslandProps) {
  const [at, setAt] = useState<Attempt | null>(null);
  const [n, setN] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [focusSel, setFocusSel] = useState<string | null>(null);
  /** Before checking: 'ask' (some questions unanswered: confirm first) or 'blank' (nothing answered). */
  const [pending, setPending] = useState<'ask' | 'blank' | null>(null);
  /** Passed in this visit (not restored): show the brief acknowledgement. */
  const [justPassed, setJustPassed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { data, status } = useProgress();
  const drawCount = pool.draw && draw ? Math.min(pool.draw.count, pool.questions.length) : 0;
  /** A fresh attempt: a pool draws (and saves) a new paper. */
  const fresh = (seed: number): Attempt => {
    if (!drawCount || !draw) {
      const layout = layoutQuiz(pool, seed);
      return { quiz: pool, seed, layout, answers: initialAnswers(pool, layout), result: null, restored: false };
    }
    const { drawPaper, paperQuiz } = draw;
    const paper = drawPaper(pool, seed);
    getProgressStore().update((d) => recordQuizPaper(d, id, paper, drawCount, Date.now()));
    const q = paperQuiz(pool, paper.ids);
    const layout = layoutQuiz(q, seed);
    return { quiz: q, seed, paper: paper.ids, layout, answers: initialAnswers(q, layout), result: null, restored: false };
  };

  useEffect(() => {
    const rec = getProgressStore().get().quizzes[id];
    const saved = rec?.paper;
    const pooled = drawCount > 0 && draw;
    if (pooled && !(saved && draw.paperFits(pool, saved.ids))) return setAt(fresh(pageSeed()));
    const seed = pooled ? saved!.seed : pageSeed();
    const q = pooled ? draw.paperQuiz(pool, saved!.ids) : pool;
    const layout = layoutQuiz(q, seed);
    const answers = initialAnswers(q, layout);
    const last = rec?.lastAnswers ?? {};
    const known = q.questions.filter((x) => x.id in last);
    const checked = pooled ? saved!.answered : known.length > 0;
    if (checked) for (const x of known) answers[x.id] = last[x.id] as AnswerValue;
    setAt({ quiz: q, seed, paper: pooled ? saved!.ids : undefined, layout, answers, result: checked ? scoreQuiz(q, answers) : null, restored: checked });
  }, []);

  // Layout effect: focus moves before the new state is painted, so a keyboard user who acts at once
  // (or a test) never has focus taken back from a control they have already reached.
  useLayoutEffect(() => {
    if (!focusSel || !root.current) return;
    root.current.querySelector<HTMLElement>(focusSel)?.focus();
    setFocusSel(null);
  }, [focusSel]);

  if (!at) return <div class="qz-fallback">{children}</div>;
  const { result, quiz } = at;

  const check = () => {
    const r = scoreQuiz(quiz, at.answers);
    setAt({ ...at, result: r });
    const verdict = fmt(s, r.passed ? 'quiz.passed' : 'quiz.failed', { pct: Math.round(quiz.passingScore * 100) });
    setAnnounce(fmt(s, 'quiz.announce', { score: formatScore(r.score), max: r.max, verdict }));
    getProgressStore().update((d) =>
      recordQuizAttempt(d, {
        quizId: id,
        score: r.score,
        maxScore: r.max,
        passed: r.passed,
        answers: at.answers,
        wrongIds: quiz.questions.filter((q) => r.results[q.id]!.status !== 'correct').map((q) => q.id),
        rightIds: quiz.questions.filter((q) => r.results[q.id]!.status === 'correct').map((q) => q.id),
        at: Date.now(),
        ...(at.paper ? { paper: { seed: at.seed, ids: at.paper, full: at.paper.length === drawCount } } : {}),
      }),
    );
    setPending(null);
    setJustPassed(r.passed);
    setFocusSel('.qz-summary');
  };

  /** Questions with no answer yet (an ordering question always has one). */
  const unanswered = quiz.questions.filter((q) => !isAnswered(q, at.answers[q.id])).length;
  const blank = unanswered > 0 && unanswered === quiz.questions.length;
  const submit = () => {
    if (result) return;
    if (blank) {
      setPending('blank');
      setFocusSel('.qz-ask');
    } else if (unanswered > 0 && pending !== 'ask') {
      setPending('ask');
      setFocusSel('.qz-ask');
    } else check();
  };
  const keepAnswering = () => {
    setPending(null);
    const first = quiz.questions.find((q) => !isAnswered(q, at.answers[q.id]));
    setFocusSel(first ? `[data-question-id="${first.id}"] input, [data-question-id="${first.id}"] select` : '.qz-q input');
  };

  const retry = () => {
    setAt(fresh(drawCount ? pageSeed() ^ (n + 1) : at.seed + 1));
    setN(n + 1);
    setRevealed(false);
    setPending(null);
    setJustPassed(false);
    setAnnounce('');
    setFocusSel('.qz-q input, .qz-q button, .qz-q select');
  };

  const rec = data?.quizzes[id];
  const pct = Math.round(quiz.passingScore * 100);
  return (
    <div class="qz" ref={root} data-paper={at.paper ? at.paper.join(' ') : undefined}>
      <form
        class="qz-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ol class="qz-list">
          {quiz.questions.map((q, i) => (
            <QuestionView
              key={`${q.id}-${n}`}
              n={i + 1}
              q={q}
              quizId={id}
              order={at.layout[q.id] ?? []}
              answer={at.answers[q.id] ?? null}
              result={result?.results[q.id] ?? null}
              revealed={revealed}
              refUrl={refs[q.id]}
              s={s}
              onAnswer={(v) => {
                if (pending === 'blank') setPending(null);
                setAt((a) => (a ? { ...a, answers: { ...a.answers, [q.id]: v } } : a));
              }}
              onMoved={(sel, msg) => {
                setAnnounce(msg);
                setFocusSel(sel);
              }}
            />
          ))}
        </ol>
        {!result && pending === 'ask' && (
          <div
            class="qz-ask"
            role="group"
            aria-labelledby={`${id}-ask`}
            tabIndex={-1}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                keepAnswering();
              }
            }}
          >
            <p id={`${id}-ask`}>{fmt(s, 'quiz.unansweredAsk', { n: unanswered })}</p>
            <p class="qz-actions">
              <button type="submit" class="button">
                {s['quiz.unansweredYes']}
              </button>
              <button type="button" class="button secondary" onClick={keepAnswering}>
                {s['quiz.unansweredNo']}
              </button>
            </p>
          </div>
        )}
        {!result && pending === 'blank' && (
          <p class="qz-ask qz-blank" role="alert" tabIndex={-1}>
            {s['quiz.blank']}
          </p>
        )}
        {!result && pending !== 'ask' && (
          <p class="qz-actions">
            <button type="submit" class="button">
              {s['quiz.check']}
            </button>
          </p>
        )}
      </form>
      {result && (
        <div class="qz-summary" tabIndex={-1} data-passed={String(result.passed)}>
          {at.restored && <p>{s['quiz.restored']}</p>}
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
              {mistakesUrl && (
                <p>
                  <a href={mistakesUrl}>{s['quiz.mistakesLink']}</a>
                </p>
              )}
            </>
          )}
          {result.passed && justPassed && (
            <p class="qz-ack" data-quiz-ack>
              {s['quiz.passedCalm']}
            </p>
          )}
          <p class="qz-actions">
            {result.passed && (next || progressUrl) && (
              <a class="button" href={next ? next.url : progressUrl} data-quiz-next>
                {next ? fmt(s, 'quiz.next', { title: next.title }) : s['quiz.toProgress']}
              </a>
            )}
            <button type="button" class={result.passed ? 'button secondary' : 'button'} onClick={retry}>
              {drawCount ? s['quiz.newPaper'] : result.passed ? s['quiz.retryAnyway'] : s['quiz.retry']}
            </button>
            <button type="button" class="button secondary" aria-expanded={revealed} onClick={() => setRevealed(!revealed)}>
              {s['quiz.showAnswer']}
            </button>
          </p>
        </div>
      )}
      {rec && rec.attempts > 0 && (
        <p class="qz-saved" data-quiz-saved>
          {fmt(s, 'quiz.saved', {
            n: rec.attempts,
            last: formatScore(rec.lastScore),
            best: formatScore(rec.bestScore),
            max: rec.maxScore,
            passed: rec.passed ? (s['quiz.savedPassed'] ?? '') : '',
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
