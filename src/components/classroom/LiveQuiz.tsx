/**
 * Live quiz (classroom mode): one question, big; feedback hidden until the instructor reveals
 * it. Optional countdown and a show-of-hands tally per option drawn as a bar chart.
 * Props are the slim LiveQuestion built at build time (src/lib/classroom/quiz.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { pick, type Vars } from '../../i18n/format';
import { LETTERS, canShuffle, identityOrder, liveAnswer, reshuffle, type LiveQuestion } from '../../lib/classroom/quiz';
import { bump, distribution, emptyTally } from '../../lib/classroom/tally';
import { formatClock, secondsLeft } from '../../lib/classroom/timer';
import { activityMessage, parseActivity } from '../../lib/classroom/sync';
import { connect } from '../../client/classroom/sync-client';
import { liveQuizStrings } from './live-strings';

interface Props {
  q: LiveQuestion;
  quizTitle: string;
  /** 1-based question number and count in the quiz. */
  n: number;
  total: number;
  /** Unique prefix for ids inside this island. */
  uid: string;
  /** Lesson and 1-based slide number: the presenter window can reveal / start the countdown remotely. */
  lessonId?: string;
  slide?: number;
}

let shared: Record<string, string> | undefined;
/**
 * The UI strings the island shows (live., classroom.): on the server the picked subset, in the browser
 * the page's one copy of it (PresentDeck's data-live-strings). They were a prop of every quiz slide,
 * serialised into each island (issue 17: 35 strings × every question of the deck, 122 on the final
 * assessment's). The server branch is dropped from the browser bundle (import.meta.env.SSR is false
 * there), so the island still does not carry the whole string table (npm run size).
 */
function liveStrings(): Record<string, string> {
  if (import.meta.env.SSR) return (shared ??= liveQuizStrings());
  return (shared ??= JSON.parse(document.querySelector<HTMLElement>('[data-live-strings]')?.dataset.liveStrings ?? '{}') as Record<string, string>);
}

const DURATIONS = [30, 60, 90, 120];

function Bar({ percent, correct }: { percent: number; correct: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    ref.current?.style.setProperty('--share', `${percent}%`);
  }, [percent]);
  return <span class={correct ? 'lq-bar is-correct' : 'lq-bar'} ref={ref} aria-hidden="true" />;
}

export default function LiveQuiz({ q, quizTitle, n, total, uid, lessonId, slide }: Props) {
  const strings = liveStrings();
  const t = (key: string, vars?: Vars) => pick(strings, key, vars);
  const [revealed, setRevealed] = useState(false);
  const [tally, setTally] = useState(() => emptyTally(q.options.length));
  /** Judgement: the second show of hands, for the least effective response. */
  const [worstTally, setWorstTally] = useState(() => emptyTally(q.options.length));
  const [duration, setDuration] = useState(60);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [timeUp, setTimeUp] = useState(false);
  /**
   * Display position → option index. Tallies stay indexed by option, so shuffling while counting
   * keeps every vote with its option; letters follow the display position.
   */
  const [order, setOrder] = useState(() => identityOrder(q.options.length));
  const [shuffleNote, setShuffleNote] = useState('');
  const shuffled = order.some((v, i) => v !== i);
  const shuffleBtn = useRef<HTMLButtonElement>(null);

  // Remote control from the presenter window (BroadcastChannel 'activity' messages for this slide),
  // and the options' display order sent back to it, so the presenter sees the letters the class sees.
  const linkRef = useRef<ReturnType<typeof connect> | null>(null);
  const orderRef = useRef(order);
  orderRef.current = order;
  useEffect(() => {
    if (!lessonId || !slide) return;
    const link = connect(lessonId, (msg) => {
      if (msg.type === 'hello' && msg.role === 'presenter' && orderRef.current.some((v, i) => v !== i)) {
        link.send(activityMessage(slide, { order: orderRef.current, answer: liveAnswer(q, orderRef.current) }, link.id));
        return;
      }
      if (msg.type !== 'activity' || msg.slide !== slide) return;
      const cmd = parseActivity(msg.state);
      if (cmd.reveal !== undefined) setRevealed(cmd.reveal);
      if (cmd.countdown !== undefined) {
        setDuration(cmd.countdown);
        setTimeUp(false);
        setNow(Date.now());
        setStartedAt(Date.now());
      }
    });
    linkRef.current = link;
    return () => {
      linkRef.current = null;
      link.close();
    };
  }, [lessonId, slide]);
  const firstOrder = useRef(true);
  useEffect(() => {
    if (firstOrder.current) {
      firstOrder.current = false;
      return;
    }
    if (slide) linkRef.current?.send(activityMessage(slide, { order, answer: liveAnswer(q, order) }, linkRef.current.id));
  }, [order, slide, q]);

  const left = startedAt === null ? duration : secondsLeft(duration, startedAt, now);
  useEffect(() => {
    if (startedAt === null) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [startedAt]);
  useEffect(() => {
    if (startedAt !== null && left === 0) {
      setStartedAt(null);
      setTimeUp(true);
    }
  }, [left, startedAt]);

  const shares = distribution(tally);
  const votes = tally.reduce((a, b) => a + b, 0);
  const judge = q.kind === 'judgement';
  const isChoice = q.kind === 'single' || q.kind === 'multiple' || q.kind === 'truefalse' || judge;
  const worstShares = distribution(worstTally);
  const worstVotes = worstTally.reduce((a, b) => a + b, 0);
  /** − count + for one option (best/only tally or, for judgement, the worst tally). */
  const counter = (i: number, label: string, values: number[], set: (f: (v: number[]) => number[]) => void, group: string) => (
    <span class="lq-count" role="group" aria-label={`${label} ${group}`}>
      <button type="button" class="lq-step" aria-label={t('live.less', { option: `${label}${judge ? group : ''}` })} onClick={() => set((v) => bump(v, i, -1))}>
        −
      </button>
      <output class="lq-votes" aria-live="polite">{t('live.votes', { n: values[i] ?? 0 })}</output>
      <button type="button" class="lq-step" aria-label={t('live.more', { option: `${label}${judge ? group : ''}` })} onClick={() => set((v) => bump(v, i, 1))}>
        +
      </button>
    </span>
  );

  return (
    <div class="live-quiz" data-revealed={revealed ? '' : undefined}>
      <p class="lq-meta">
        <span>{quizTitle}</span>
        <span>{t('classroom.questionOf', { n, total })}</span>
        <span class="lq-kind">{t(`classroom.kind.${q.kind}`)}</span>
      </p>
      <h2 class="lq-prompt">{q.prompt}</h2>

      {isChoice && (
        <ol class="lq-options">
          {order.map((i, pos) => {
            const text = q.options[i]!;
            const letter = q.kind === 'truefalse' ? '' : LETTERS[pos];
            const right = revealed && q.correct.includes(i);
            return (
              <li class={right ? 'lq-option is-correct' : 'lq-option'} key={i}>
                <span class="lq-text">
                  {letter && <span class="lq-letter">{letter}</span>}
                  {text}
                  {right && <strong class="lq-correct-mark"> ✔ {judge ? t('live.bestVotes') : t('live.correctMark')}</strong>}
                  {revealed && q.worst.includes(i) && <strong class="lq-correct-mark"> ✘ {t('live.worstMark')}</strong>}
                </span>
                {judge ? (
                  <span class="lq-judge-counts">
                    <span class="lq-judge-label">{t('live.bestVotes')}</span>
                    {counter(i, letter || text, tally, setTally, t('live.bestVotes'))}
                    <span class="lq-judge-label">{t('live.worstVotes')}</span>
                    {counter(i, letter || text, worstTally, setWorstTally, t('live.worstVotes'))}
                  </span>
                ) : (
                  counter(i, letter || text, tally, setTally, t('live.tally'))
                )}
                {votes + worstVotes > 0 && judge && (
                  <span class="lq-share">
                    <span class="lq-percent">
                      {t('live.bestVotes')} {shares[i]!.percent}% · {t('live.worstVotes')} {worstShares[i]!.percent}%
                    </span>
                  </span>
                )}
                {votes > 0 && !judge && (
                  <span class="lq-share">
                    <Bar percent={shares[i]!.percent} correct={right} />
                    {right && <strong class="lq-bar-label">✔ {t('live.correctLabel')}</strong>}
                    <span class="lq-percent">{shares[i]!.percent}%</span>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {isChoice && votes > 0 && (
        <p class="visually-hidden" aria-live="polite">
          {t('live.chart')}：{order.map((i, pos) => `${q.kind === 'truefalse' ? q.options[i] : LETTERS[pos]} ${judge ? `${t('live.bestVotes')} ` : ''}${t('live.votes', { n: shares[i]!.count })} ${shares[i]!.percent}%${judge ? `，${t('live.worstVotes')} ${t('live.votes', { n: worstShares[i]!.count })} ${worstShares[i]!.percent}%` : ''}`).join('，')}
        </p>
      )}

      {q.kind === 'ordering' && (
        <>
          <p class="lq-hint">{t('live.orderHint')}</p>
          <ul class="lq-items">
            {q.options.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {q.kind === 'matching' && (
        <>
          <p class="lq-hint">{t('live.matchHint')}</p>
          <div class="lq-match">
            <ol>
              {q.options.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ol>
            <ol class="lq-rights" type="A">
              {q.rights.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ol>
          </div>
        </>
      )}

      <div class="lq-tools">
        {canShuffle(q) && (
          <>
            <button
              type="button"
              class="lq-button secondary"
              ref={shuffleBtn}
              onClick={() => {
                setOrder((o) => reshuffle(o, Math.floor(Math.random() * 2 ** 32)));
                setShuffleNote(t('live.shuffled'));
              }}
            >
              {t('live.shuffle')}
            </button>
            {shuffled && (
              <button
                type="button"
                class="lq-button secondary"
                onClick={() => {
                  setOrder(identityOrder(q.options.length));
                  setShuffleNote('');
                  // This button goes away: keep the keyboard user on the shuffle button.
                  shuffleBtn.current?.focus();
                }}
              >
                {t('live.unshuffle')}
              </button>
            )}
          </>
        )}
        <label class="lq-duration">
          {t('live.countdown')}
          <select value={String(duration)} disabled={startedAt !== null} onChange={(e) => setDuration(Number((e.target as HTMLSelectElement).value))}>
            {DURATIONS.map((d) => (
              <option value={String(d)} key={d}>
                {t('live.seconds', { n: d })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="lq-button"
          onClick={() => {
            setTimeUp(false);
            if (startedAt === null) {
              setNow(Date.now());
              setStartedAt(Date.now());
            } else setStartedAt(null);
          }}
        >
          {startedAt === null ? t('live.start') : t('live.stop')}
        </button>
        <p class={timeUp ? 'lq-clock is-up' : 'lq-clock'} role="timer" aria-label={t('live.timeLeft')}>
          {timeUp ? t('live.timeUp') : formatClock(left)}
        </p>
        <button type="button" class="lq-button lq-reveal" aria-expanded={revealed} aria-controls={`${uid}-answer`} onClick={() => setRevealed((r) => !r)}>
          {revealed ? t('live.hide') : t('live.reveal')}
        </button>
      </div>
      <p class="visually-hidden" aria-live="assertive">{timeUp ? t('live.timeUp') : ''}</p>
      <p class="visually-hidden" aria-live="polite">{shuffleNote}</p>

      {/* A named group, not a landmark: every quiz slide has one. */}
      <div class="lq-answer" id={`${uid}-answer`} hidden={!revealed} role="group" aria-label={t('live.answer')}>
        {revealed && (
          <>
            <h3>{t('live.answer')}</h3>
            <ul>
              {liveAnswer(q, order).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            {q.explanation && (
              <p>
                <strong>{t('live.explanation')}：</strong>
                {q.explanation}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
