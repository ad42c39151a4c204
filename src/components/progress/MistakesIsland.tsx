/**
 * 错题本 (issue 16): every question the learner got wrong, across the course, grouped by the lesson
 * that teaches it, each to retry in place until right. A right answer is saved as the question's
 * latest outcome (records.ts recordRetry), which also clears it from the weak spots on /progress/.
 * Questions still open when the page loaded stay in place once fixed (the learner keeps their place);
 * those fixed before are folded away. The list comes from summary.ts mistakes(); the questions from
 * /mistakes/questions.json (src/client/question-bank.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { initialAnswer, layoutQuiz, scoreQuestion, type AnswerValue, type QuestionResult } from '../../lib/quiz/engine';
import type { Question } from '../../lib/quiz/schema';
import { recordRetry } from '../../lib/progress/records';
import { getProgressStore } from '../../lib/progress/store';
import { mistakes, type Mistake } from '../../lib/progress/summary';
import type { QuestionBank } from '../../lib/progress/question-bank';
import { loadQuestionBank } from '../../client/question-bank';
import { QuestionView } from '../quiz/QuestionView';
import { useProgress } from '../quiz/useProgress';
import { fmt, type Strings } from '../quiz/strings';

interface Props {
  strings: Strings;
}

const keyOf = (m: Pick<Mistake, 'quizId' | 'questionId'>) => `${m.quizId}/${m.questionId}`;

function RetryItem({ n, q, quizId, quizTitle, wrong, refUrl, s }: { n: number; q: Question; quizId: string; quizTitle: string; wrong: number; refUrl?: string; s: Strings }) {
  const [round, setRound] = useState(0);
  const [order] = useState(() => layoutQuiz({ title: '', passingScore: 1, questions: [q] } as never, Math.floor(Math.random() * 2 ** 31))[q.id] ?? []);
  const [answer, setAnswer] = useState<AnswerValue>(() => initialAnswer(q, { [q.id]: order }));
  const [result, setResult] = useState<QuestionResult | null>(null);
  const [note, setNote] = useState('');
  const [focusSel, setFocusSel] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const base = `${quizId}-${q.id}`;

  useEffect(() => {
    if (!focusSel) return;
    root.current?.closest('li')?.querySelector<HTMLElement>(focusSel)?.focus();
    setFocusSel(null);
  }, [focusSel]);

  const check = () => {
    const r = scoreQuestion(q, answer);
    if (r.status === 'unanswered' && q.kind !== 'ordering') {
      setNote(fmt(s, 'mistakes.blank'));
      return;
    }
    const right = r.status === 'correct';
    getProgressStore().update((d) => recordRetry(d, quizId, q.id, right, Date.now()));
    setResult(r);
    setNote(fmt(s, right ? 'mistakes.rightNow' : 'mistakes.wrongNow'));
    setFocusSel(right ? '.mk-note' : '.mk-again');
  };
  const again = () => {
    setRound(round + 1);
    setAnswer(initialAnswer(q, { [q.id]: order }));
    setResult(null);
    setNote('');
    setFocusSel('.qz-q input, .qz-q button, .qz-q select');
  };
  const right = result?.status === 'correct';
  return (
    <QuestionView
      key={`${base}-${round}`}
      n={n}
      q={q}
      quizId={quizId}
      order={order}
      answer={answer}
      result={result}
      revealed={false}
      refUrl={refUrl}
      s={s}
      onAnswer={(v) => {
        setAnswer(v);
        if (note && !result) setNote('');
      }}
      onMoved={(sel) => setFocusSel(sel)}
    >
      <div class="mk-item-foot" ref={root} data-mistake={`${quizId}/${q.id}`} data-fixed={String(right)}>
        <p class="mk-from pd-muted">{fmt(s, 'mistakes.from', { quiz: quizTitle, n: wrong })}</p>
        <p class={`mk-note${right ? ' mk-right' : ''}`} role="status" tabIndex={-1}>
          {note}
        </p>
        <p class="qz-actions">
          {!result && (
            <button type="button" class="button" onClick={check}>
              {fmt(s, 'mistakes.check')}
            </button>
          )}
          {result && !right && (
            <button type="button" class="button mk-again" onClick={again}>
              {fmt(s, 'mistakes.again')}
            </button>
          )}
        </p>
      </div>
    </QuestionView>
  );
}

export default function MistakesIsland({ strings: s }: Props) {
  const { data } = useProgress();
  const [bank, setBank] = useState<QuestionBank | null>(null);
  const [failed, setFailed] = useState(false);
  /** Questions open when the page first had data: they stay in place as retry items. */
  const [openAtLoad, setOpenAtLoad] = useState<Set<string> | null>(null);

  useEffect(() => {
    let live = true;
    loadQuestionBank().then(
      (b) => live && setBank(b),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const groups = data && bank ? mistakes(data, bank.index) : null;
  useEffect(() => {
    if (groups && !openAtLoad) setOpenAtLoad(new Set(groups.flatMap((g) => g.items.filter((m) => !m.fixed).map(keyOf))));
  }, [groups !== null]);

  if (failed) return <p role="alert">{fmt(s, 'mistakes.loadFailed')}</p>;
  if (!groups || !bank || !openAtLoad) return <p>{fmt(s, 'mistakes.loading')}</p>;
  const find = (m: Mistake) => bank.quizzes[m.quizId]?.questions.find((q) => q.id === m.questionId);
  const shown = groups.map((g) => ({ ...g, items: g.items.filter((m) => find(m) !== undefined) })).filter((g) => g.items.length > 0);
  if (shown.length === 0) return <p data-mistakes-empty>{fmt(s, 'mistakes.none')}</p>;
  const total = shown.reduce((n, g) => n + g.items.length, 0);
  const open = shown.reduce((n, g) => n + g.items.filter((m) => !m.fixed).length, 0);

  return (
    <div class="mk">
      <p class="mk-summary" data-mistakes-summary>
        {open === 0 ? fmt(s, 'mistakes.allFixed') : fmt(s, 'mistakes.summary', { n: total, open })}
      </p>
      {shown.map((g) => {
        const retry = g.items.filter((m) => openAtLoad.has(keyOf(m)));
        const before = g.items.filter((m) => !openAtLoad.has(keyOf(m)));
        const gOpen = g.items.filter((m) => !m.fixed).length;
        const hid = `mk-${g.lessonId.replace(/[^\w-]/g, '-')}`;
        return (
          <section key={g.lessonId} class="mk-group" aria-labelledby={hid} data-mistake-lesson={g.lessonId}>
            <h2 id={hid}>{fmt(s, 'mistakes.lesson', { title: g.title, open: gOpen, n: g.items.length })}</h2>
            <p>
              <a href={g.url}>{fmt(s, 'mistakes.toLesson')}</a>
            </p>
            {retry.length > 0 && (
              <ol class="qz-list mk-list">
                {retry.map((m, i) => {
                  const bq = bank.quizzes[m.quizId]!;
                  return <RetryItem key={keyOf(m)} n={i + 1} q={find(m)!} quizId={m.quizId} quizTitle={bq.title} wrong={m.wrong} refUrl={bq.refs[m.questionId]} s={s} />;
                })}
              </ol>
            )}
            {before.length > 0 && (
              <details class="mk-fixed">
                <summary>{fmt(s, 'mistakes.showFixed', { n: before.length })}</summary>
                <ul>
                  {before.map((m) => (
                    <li key={keyOf(m)} data-mistake={keyOf(m)} data-fixed="true">
                      <span class="mk-right">{fmt(s, 'mistakes.fixed')}</span> {find(m)!.prompt}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}
