/**
 * Interactive branching scenario. Renders the server fallback (children) until hydrated.
 * State machine: src/lib/quiz/scenario.ts (variables, conditional choices and text, endings chosen
 * by the whole path, conditional debrief paragraphs). After each choice focus moves to the
 * feedback of that choice (which is followed by the next situation); at the end, to the ending.
 * The review lists this play step by step and the learner's earlier plays (saved in progress).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScenarioData } from '../../lib/quiz/schema';
import { choose, debriefParagraphs, findEnding, nodeText, pathOf, startScenario, trace, visibleChoices, type ScenarioState } from '../../lib/quiz/scenario';
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
  const last = st.steps[st.steps.length - 1];
  const lastChoice = last ? sc.nodes[last.node]?.choices?.[last.choice] : undefined;

  const pick = (i: number) => {
    const next = choose(sc, st, i);
    if (next === st) return;
    setSt(next);
    setAnnounce(fmt(s, 'scenario.announce', { points: fmt(s, 'scenario.points', { n: next.score - st.score }) }));
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
  const restart = () => {
    setSt(startScenario(sc));
    setReview(false);
    setAnnounce('');
    setFocusSel('.sc-node-title');
  };

  const rec = data?.scenarios[id];
  const ending = st.ended && st.ending ? findEnding(sc, st.ending) : undefined;
  const states = ending ? trace(sc, st.steps.map((x) => x.choice)) : [];
  return (
    <div class="sc" ref={root}>
      {st.steps.length === 0 && <p class="sc-intro">{sc.intro}</p>}
      {last && lastChoice && (
        <div class="sc-last" tabIndex={-1}>
          <p>
            <strong>{s['scenario.youChose']}</strong>
            {lastChoice.text}
          </p>
          <p>
            <strong>{s['scenario.outcome']}</strong>
            {lastChoice.feedback}
          </p>
          <p>
            <strong>{s['scenario.principle']}</strong>
            {lastChoice.principle}
          </p>
          <p class="sc-points">{fmt(s, 'scenario.points', { n: last.points })}</p>
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
          <p>
            <strong>{s['scenario.path']}</strong>
          </p>
          <ol class="sc-path">
            {st.steps.map((step, i) => {
              const c = sc.nodes[step.node]?.choices?.[step.choice];
              return (
                <li key={i}>
                  {c?.text}（{fmt(s, 'scenario.points', { n: step.points })}）
                  {review && (
                    <div class="sc-review">
                      <p>{nodeText(sc.nodes[step.node], states[i]?.vars ?? {})}</p>
                      <p>
                        <strong>{s['scenario.outcome']}</strong>
                        {c?.feedback}
                      </p>
                      <p>
                        <strong>{s['scenario.principle']}</strong>
                        {c?.principle}
                      </p>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
          {review && rec && <PastRuns sc={sc} rec={rec} s={s} />}
          <p class="qz-actions">
            <button type="button" class="button" onClick={restart}>
              {s['scenario.restart']}
            </button>
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
