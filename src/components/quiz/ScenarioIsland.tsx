/**
 * Interactive branching scenario. Renders the server fallback (children) until hydrated.
 * State machine: src/lib/quiz/scenario.ts (variables, conditional choices and text, endings chosen
 * by the whole path, conditional debrief paragraphs, step back, path review, endings found).
 * After each choice focus moves to the feedback of that choice: how good it was (label and icon as
 * well as colour, points as x/max for the step), then the next situation. Earlier steps stay on the
 * page, collapsed; the learner can step back one decision. At the end: the ending, the endings found
 * so far (by title; the rest as a count), and the path in reading order with the better choices.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScenarioData } from '../../lib/quiz/schema';
import {
  choose,
  debriefParagraphs,
  endingsFound,
  findEnding,
  nodeText,
  pathOf,
  pathReview,
  startScenario,
  stepBack,
  trace,
  visibleChoices,
  type ChoiceQuality,
  type ScenarioState,
} from '../../lib/quiz/scenario';
import { getProgressStore } from '../../lib/progress/store';
import { recordScenarioPlay } from '../../lib/progress/records';
import type { ScenarioRecord } from '../../lib/progress/schema';
import { fmt, type Strings } from './strings';
import { useProgress } from './useProgress';

interface Props {
  id: string;
  scenario: ScenarioData;
  /** Best possible score, computed at build by analyzeScenario. */
  best: number;
  endingCount: number;
  strings: Strings;
  children?: ComponentChildren;
}

const ICON: Record<ChoiceQuality, string> = { best: '✔', partial: '◐', poor: '✘' };

/** How good a choice was: icon (hidden from screen readers) + label + x/max; colour comes from data-quality. */
function Quality({ q, points, max, s }: { q: ChoiceQuality; points: number; max: number; s: Strings }) {
  return (
    <span class="sc-q" data-quality={q}>
      <span aria-hidden="true">{ICON[q]} </span>
      <strong>{s[`scenario.player.quality.${q}` as const]}</strong>
      <span class="sc-q-points">{fmt(s, 'scenario.player.stepPoints', { n: points, max })}</span>
    </span>
  );
}

export default function ScenarioIsland({ id, scenario: sc, best, endingCount, strings: s, children }: Props) {
  const [ready, setReady] = useState(false);
  const [st, setSt] = useState<ScenarioState>(() => startScenario(sc));
  const [review, setReview] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [focusSel, setFocusSel] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const { data, status } = useProgress();

  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (!focusSel || !root.current) return;
    root.current.querySelector<HTMLElement>(focusSel)?.focus();
    setFocusSel(null);
  }, [focusSel]);

  if (!ready) return <div class="qz-fallback">{children}</div>;

  const node = sc.nodes[st.node];
  const steps = pathReview(sc, st.steps.map((x) => x.choice));
  const last = steps[steps.length - 1];

  const pick = (i: number) => {
    const next = choose(sc, st, i);
    if (next === st) return;
    setSt(next);
    const r = pathReview(sc, next.steps.map((x) => x.choice)).at(-1);
    if (r) {
      const label = s[`scenario.player.quality.${r.quality}` as const] ?? '';
      setAnnounce(`${fmt(s, 'scenario.announce', { points: fmt(s, 'scenario.player.stepPoints', { n: r.points, max: r.max }) })}${label}`);
    }
    if (next.ended) {
      getProgressStore().update((d) =>
        recordScenarioPlay(d, {
          scenarioId: id,
          score: next.score,
          maxScore: best,
          path: pathOf(next),
          ending: next.ending ?? next.node,
          choices: next.steps.map((x) => x.choice),
          at: Date.now(),
        }),
      );
    }
    setFocusSel('.sc-last');
  };
  const back = () => {
    const prev = stepBack(sc, st);
    if (prev === st) return;
    setSt(prev);
    setReview(false);
    setAnnounce(fmt(s, 'scenario.player.backDone', { n: prev.steps.length + 1 }));
    setFocusSel('.sc-node-title');
  };
  const restart = () => {
    setSt(startScenario(sc));
    setReview(false);
    setAnnounce('');
    setFocusSel('.sc-node-title');
  };

  const rec = data?.scenarios[id];
  const ending = st.ended && st.ending ? findEnding(sc, st.ending) : undefined;
  const found = ending ? endingsFound(sc, [...(rec?.endings ?? []), ending.id]) : undefined;
  const backButton = steps.length > 0 && (
    <button type="button" class="button secondary" onClick={back}>
      {s['scenario.player.back']}
    </button>
  );
  return (
    <div class="sc" ref={root}>
      {st.steps.length === 0 && <p class="sc-intro">{sc.intro}</p>}
      {!ending && steps.length > 1 && (
        <section class="sc-story" aria-labelledby={`${id}-story`}>
          <p class="sc-story-title" id={`${id}-story`}>
            <strong>{s['scenario.player.story']}</strong>
          </p>
          <ol class="sc-story-list">
            {steps.slice(0, -1).map((r) => (
              <li key={r.n}>
                <details>
                  <summary>
                    {fmt(s, 'scenario.player.storyStep', { n: r.n, choice: r.choice.text })} <Quality q={r.quality} points={r.points} max={r.max} s={s} />
                  </summary>
                  <p>
                    <strong>{s['scenario.player.situation']}</strong>
                    {r.situation}
                  </p>
                  <p>
                    <strong>{s['scenario.outcome']}</strong>
                    {r.choice.feedback}
                  </p>
                </details>
              </li>
            ))}
          </ol>
        </section>
      )}
      {last && (
        <div class="sc-last" tabIndex={-1} data-quality={last.quality}>
          <p class="sc-verdict">
            <Quality q={last.quality} points={last.points} max={last.max} s={s} />
          </p>
          <p>
            <strong>{s['scenario.youChose']}</strong>
            {last.choice.text}
          </p>
          <p>
            <strong>{s['scenario.outcome']}</strong>
            {last.choice.feedback}
          </p>
          <p>
            <strong>{s['scenario.principle']}</strong>
            {last.choice.principle}
          </p>
        </div>
      )}
      {node && !st.ended && (
        <div class="sc-node">
          <h4 class="sc-node-title" id={`${id}-step`} tabIndex={-1}>
            {fmt(s, 'scenario.step', { n: st.steps.length + 1 })}
          </h4>
          <p>{nodeText(node, st.vars)}</p>
          <div role="group" aria-labelledby={`${id}-step`}>
            <ul class="sc-choices">
              {visibleChoices(node, st.vars).map(({ choice, index }) => (
                <li key={`${st.node}-${index}`}>
                  <button type="button" class="sc-choice" onClick={() => pick(index)}>
                    {choice.text}
                  </button>
                </li>
              ))}
            </ul>
          </div>
          {backButton && <p class="qz-actions">{backButton}</p>}
        </div>
      )}
      {ending && (
        <div class="sc-ending" data-rating={ending.rating}>
          <h4 class="sc-node-title" tabIndex={-1}>
            {fmt(s, 'scenario.endingTitle', { title: ending.title })}
          </h4>
          <p class="sc-rating">
            <strong>{s[`scenario.rating.${ending.rating}` as const]}</strong>
          </p>
          <p>{ending.text}</p>
          {debriefParagraphs(ending, st.vars).map((text, i) => (
            <p key={i} class="sc-debrief">
              {i === 0 && <strong>{s['scenario.debrief']}：</strong>}
              {text}
            </p>
          ))}
          <p class="sc-score">{fmt(s, 'scenario.score', { score: st.score, best })}</p>
          {found && (
            <div class="sc-found">
              <p>
                <strong>{fmt(s, 'scenario.player.found', { n: found.found.length, total: found.total })}</strong>
              </p>
              <ul>
                {found.found.map((e) => (
                  <li key={e.id}>
                    {e.title}
                    {e.id === ending.id && s['scenario.player.thisTime']}
                  </li>
                ))}
              </ul>
              <p class="sc-remaining">{found.remaining > 0 ? fmt(s, 'scenario.player.remaining', { n: found.remaining }) : s['scenario.player.allFound']}</p>
            </div>
          )}
          <p>
            <strong>{s['scenario.path']}</strong>
          </p>
          <ol class="sc-path">
            {steps.map((r) => (
              <li key={r.n}>
                {review ? (
                  <div class="sc-review">
                    <p>
                      <strong>{s['scenario.player.situation']}</strong>
                      {r.situation}
                    </p>
                    <p>
                      <strong>{s['scenario.youChose']}</strong>
                      {r.choice.text}
                    </p>
                    <p>
                      <Quality q={r.quality} points={r.points} max={r.max} s={s} />
                    </p>
                    <p>
                      <strong>{s['scenario.outcome']}</strong>
                      {r.choice.feedback}
                    </p>
                    <p>
                      <strong>{s['scenario.principle']}</strong>
                      {r.choice.principle}
                    </p>
                    {r.better && (
                      <p class="sc-better">
                        <strong>{s['scenario.player.better']}</strong>
                        {r.better.text}（{fmt(s, 'scenario.player.stepPoints', { n: r.better.points, max: r.max })}）
                      </p>
                    )}
                  </div>
                ) : (
                  <>
                    {r.choice.text} <Quality q={r.quality} points={r.points} max={r.max} s={s} />
                  </>
                )}
              </li>
            ))}
          </ol>
          {review && rec && <PastRuns sc={sc} rec={rec} s={s} />}
          <p class="qz-actions">
            <button type="button" class="button" onClick={restart}>
              {s['scenario.restart']}
            </button>
            {backButton}
            <button type="button" class="button secondary" aria-expanded={review} onClick={() => setReview(!review)}>
              {s['scenario.review']}
            </button>
          </p>
        </div>
      )}
      {rec && (
        <p class="qz-saved" data-quiz-saved>
          {fmt(s, 'scenario.saved', { n: rec.plays, best: rec.bestScore, max: best, e: rec.endings.length, total: endingCount })}
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

/** The learner's saved plays, oldest first, replayed from their choices (conditions included). */
function PastRuns({ sc, rec, s }: { sc: ScenarioData; rec: ScenarioRecord; s: Strings }) {
  const runs = (rec.runs ?? []).map((r) => ({ r, states: trace(sc, r.choices) })).filter((x) => x.states.length === x.r.choices.length + 1);
  if (!runs.length) return null;
  return (
    <section class="sc-past" aria-label={s['scenario.pastRuns']}>
      <p>
        <strong>{s['scenario.pastRuns']}</strong>
      </p>
      <ol class="sc-path">
        {runs.map(({ r, states }, i) => (
          <li key={i}>
            {fmt(s, 'scenario.pastRun', { n: i + 1, ending: findEnding(sc, r.ending)?.title ?? r.ending, score: r.score })}
            <ul>
              {states.slice(1).map((x, k) => (
                <li key={k}>{sc.nodes[x.steps[k]!.node]?.choices?.[x.steps[k]!.choice]?.text}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
