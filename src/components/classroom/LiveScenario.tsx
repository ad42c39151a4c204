/**
 * Scenario walk-through with a class: at each decision the instructor records the votes per
 * choice, follows the majority (or any choice), and the debrief compares the path taken, with
 * its votes, to the best path. The scenario's variables are shown as they change; choices, text
 * variants and the ending follow their conditions (engine: src/lib/quiz/scenario.ts).
 * Logic in src/lib/classroom/scenario.ts; the data is one JSON string (src/lib/classroom/walk-pack.ts,
 * issue 17), read when the walk-through starts.
 */
import { useMemo, useState } from 'preact/hooks';
import { pick, type Vars } from '../../i18n/format';
import { LETTERS } from '../../lib/classroom/quiz';
import { choose, currentNode, pathChoices, startWalk, undo, walkEnded, walkScore, type Walk, type WalkState } from '../../lib/classroom/scenario';
import { statesAlong, unpackWalk, type LiveScenarioData, type LiveWalkScenario } from '../../lib/classroom/walk-pack';
import { bump, emptyTally, majority } from '../../lib/classroom/tally';

type VarState = WalkState['vars'];
type T = (key: string, vars?: Vars) => string;

interface Props {
  title: string;
  intro: string;
  /** liveScenarioJson(): the trimmed scenario, best path and every reachable state, precomputed at build. */
  data: string;
  uid: string;
  /** UI strings picked by the server (walk., live., classroom.), so the island does not carry the whole table. */
  strings: Record<string, string>;
}

/** The scenario's variables now (label: value), for the class to see them change. */
function VarList({ scenario, vars, uid, t }: { scenario: LiveWalkScenario; vars: VarState; uid: string; t: T }) {
  const decl = Object.entries(scenario.variables ?? {});
  if (!decl.length) return null;
  return (
    <div class="ls-vars" role="group" aria-labelledby={`${uid}-vars`}>
      <p class="ls-vars-title" id={`${uid}-vars`}>
        {t('walk.variables')}
      </p>
      <dl>
        {decl.map(([name, d]) => (
          <div key={name} data-var={name}>
            <dt>{d.label}</dt>
            <dd>{d.type === 'flag' ? (vars[name] ? t('walk.yes') : t('walk.no')) : t('walk.varValue', { n: String(vars[name]), max: d.max })}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export default function LiveScenario({ title, intro, data, uid, strings }: Props) {
  const t: T = (key, vars) => pick(strings, key, vars);
  const [started, setStarted] = useState(false);
  if (!started) {
    return (
      <div class="live-scenario">
        <p class="ls-meta">{t('classroom.scenarioSlide')}</p>
        <h2 class="ls-title">{title}</h2>
        <p class="ls-text">{intro}</p>
        <button type="button" class="lq-button" onClick={() => setStarted(true)}>
          {t('walk.start')}
        </button>
      </div>
    );
  }
  return <WalkThrough data={data} uid={uid} t={t} />;
}

function WalkThrough({ data, uid, t }: { data: string; uid: string; t: T }) {
  const { scenario, bestPath, bestChoices, bestScore, graph } = useMemo(() => {
    const d = JSON.parse(data) as LiveScenarioData;
    return { ...d, graph: unpackWalk(d.walk, Object.keys(d.scenario.variables ?? {})) };
  }, [data]);
  const [walk, setWalk] = useState<Walk>(() => startWalk(scenario));
  const [votes, setVotes] = useState<number[]>(() => emptyTally(currentNode(scenario, startWalk(scenario))?.choices?.length ?? 0));
  /** Feedback of the last choice, shown before moving on. */
  const [pending, setPending] = useState<Walk | null>(null);

  const go = (next: Walk) => {
    setWalk(next);
    setPending(null);
    setVotes(emptyTally(currentNode(scenario, next)?.choices?.length ?? 0));
  };
  /** Precomputed states along a list of choices (before each decision; the last one is now). */
  const along = (choices: number[]): WalkState[] => statesAlong(graph, choices);
  const statesOf = (w: Walk) => along(w.steps.map((x) => x.chosen));
  const varsOf = (w: Walk): VarState => statesOf(w).at(-1)!.vars;
  /** Display letter of an authored choice: its position among the choices shown in that state. */
  const letterAt = (st: WalkState | undefined, index: number) => LETTERS[st?.choices.findIndex((c) => c.index === index) ?? -1] ?? '';
  const decide = (index: number | 'majority') => {
    const next = choose(scenario, walk, index, votes);
    if (next !== walk) setPending(next);
  };

  if (pending) {
    const step = pending.steps[pending.steps.length - 1]!;
    const choice = scenario.nodes[step.node]!.choices![step.chosen]!;
    const before = statesOf(walk).at(-1);
    return (
      <div class="live-scenario">
        <p class="ls-meta">
          {scenario.title} · {t('walk.decision', { n: pending.steps.length })}
        </p>
        <h2 class="ls-title">
          {t('walk.chosen')}：{letterAt(before, step.chosen)}. {choice.text}
        </h2>
        <p class="ls-text">{choice.feedback}</p>
        {choice.principle && <p class="ls-principle">{choice.principle}</p>}
        <VarList scenario={scenario} vars={varsOf(pending)} uid={uid} t={t} />
        <div class="ls-actions">
          <button type="button" class="lq-button" onClick={() => go(pending)}>
            {t('walk.continue')}
          </button>
          <button type="button" class="lq-button secondary" onClick={() => setPending(null)}>
            {t('walk.undo')}
          </button>
        </div>
      </div>
    );
  }

  if (walkEnded(scenario, walk)) {
    const states = statesOf(walk);
    const now = states.at(-1)!;
    const vars = now.vars;
    const ending = scenario.nodes[walk.at]?.endings?.find((e) => e.id === now.ending);
    const best = pathChoices(scenario, bestPath, bestChoices);
    const bestStates = along(best.map((b) => b.choice));
    return (
      <div class="live-scenario ls-debrief">
        <p class="ls-meta">
          {scenario.title} · {t('walk.debrief')}
        </p>
        {ending && (
          <>
            <h2 class="ls-title">
              {t('walk.ending')}：{ending.title} <span class={`ls-rating ls-${ending.rating}`}>{t(`walk.rating.${ending.rating}`)}</span>
            </h2>
            <p class="ls-text">{ending.text}</p>
            {(now.debrief ?? []).map((text, i) => (
              <p key={i} class="ls-text ls-debrief-text">
                {text}
              </p>
            ))}
          </>
        )}
        <VarList scenario={scenario} vars={vars} uid={uid} t={t} />
        <p class="ls-score">{t('walk.score', { n: walkScore(scenario, walk), best: bestScore })}</p>
        <div class="ls-columns">
          <section aria-labelledby={`${uid}-taken`}>
            <h3 id={`${uid}-taken`}>{t('walk.pathTaken')}</h3>
            <ol class="ls-path">
              {walk.steps.map((st, i) => {
                const node = scenario.nodes[st.node]!;
                return (
                  <li key={i}>
                    <p class="ls-step-title">{t('walk.decision', { n: i + 1 })}</p>
                    <ul class="ls-votes">
                      {(states[i]?.choices ?? []).map(({ index: ci }, k) => ({ c: node.choices![ci]!, ci, k })).map(({ c, ci, k }) => (
                        <li key={ci} class={ci === st.chosen ? 'is-chosen' : undefined}>
                          {LETTERS[k]}. {c.text} — {t('live.votes', { n: st.votes[ci] ?? 0 })}
                          {ci === st.chosen && (
                            <strong>
                              {' '}
                              ← {t('walk.chosen')}（{st.followedMajority ? t('walk.majority') : t('walk.notMajority')}，{t('walk.points', { n: c.points })}）
                            </strong>
                          )}
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ol>
          </section>
          <section aria-labelledby={`${uid}-best`}>
            <h3 id={`${uid}-best`}>{t('walk.bestPath')}</h3>
            <ol class="ls-path">
              {best.map((b, i) => {
                const c = scenario.nodes[b.node]!.choices![b.choice]!;
                return (
                  <li key={i}>
                    {letterAt(bestStates[i], b.choice)}. {c.text}（{t('walk.points', { n: c.points })}）
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
        <div class="ls-actions">
          <button type="button" class="lq-button secondary" onClick={() => go(undo(walk))}>
            {t('walk.undo')}
          </button>
          <button type="button" class="lq-button secondary" onClick={() => go(startWalk(scenario))}>
            {t('walk.restart')}
          </button>
        </div>
      </div>
    );
  }

  const node = scenario.nodes[walk.at]!;
  const top = majority(votes);
  const here = statesOf(walk).at(-1)!;
  const vars = here.vars;
  const shown = here.choices.map(({ index }) => ({ choice: node.choices![index]!, index }));
  const letter = (index: number) => letterAt(here, index);
  return (
    <div class="live-scenario">
      <p class="ls-meta">
        {scenario.title} · {t('walk.decision', { n: walk.steps.length + 1 })}
      </p>
      <h2 class="ls-title ls-situation">
        {here.text}
      </h2>
      <VarList scenario={scenario} vars={vars} uid={uid} t={t} />
      <ol class="lq-options ls-choices">
        {shown.map(({ choice: c, index: i }, k) => (
          <li class="lq-option" key={`${walk.at}-${i}`}>
            <span class="lq-text">
              <span class="lq-letter">{LETTERS[k]}</span>
              {c.text}
            </span>
            <span class="lq-count" role="group" aria-label={`${LETTERS[k]} ${t('walk.votes')}`}>
              <button type="button" class="lq-step" aria-label={t('live.less', { option: LETTERS[k]! })} onClick={() => setVotes((v) => bump(v, i, -1))}>
                −
              </button>
              <output class="lq-votes" aria-live="polite">{t('live.votes', { n: votes[i] ?? 0 })}</output>
              <button type="button" class="lq-step" aria-label={t('live.more', { option: LETTERS[k]! })} onClick={() => setVotes((v) => bump(v, i, 1))}>
                +
              </button>
              <button type="button" class="lq-pick" aria-label={`${t('walk.choose')} ${LETTERS[k]}`} onClick={() => decide(i)}>
                {t('walk.choose')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div class="ls-actions">
        <button type="button" class="lq-button" disabled={top === null} onClick={() => decide('majority')}>
          {t('walk.followMajority')}
          {top !== null && `（${letter(top)}）`}
        </button>
        {top === null && <p class="ls-hint">{t('walk.tie')}</p>}
        {walk.steps.length > 0 && (
          <button type="button" class="lq-button secondary" onClick={() => go(undo(walk))}>
            {t('walk.undo')}
          </button>
        )}
      </div>
    </div>
  );
}
