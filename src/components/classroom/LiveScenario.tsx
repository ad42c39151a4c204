/**
 * Scenario walk-through with a class: at each decision the instructor records the votes per
 * choice, follows the majority (or any choice), and the debrief compares the path taken, with
 * its votes, to the best path. Logic in src/lib/classroom/scenario.ts.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { LETTERS } from '../../lib/classroom/quiz';
import { choose, currentNode, pathChoices, startWalk, undo, walkEnded, walkScore, type Walk, type WalkScenario } from '../../lib/classroom/scenario';
import { bump, emptyTally, majority } from '../../lib/classroom/tally';

interface Props {
  scenario: WalkScenario;
  bestPath: string[];
  bestScore: number;
  uid: string;
}

export default function LiveScenario({ scenario, bestPath, bestScore, uid }: Props) {
  const [started, setStarted] = useState(false);
  const [walk, setWalk] = useState<Walk>(() => startWalk(scenario));
  const [votes, setVotes] = useState<number[]>(() => emptyTally(currentNode(scenario, startWalk(scenario))?.choices?.length ?? 0));
  /** Feedback of the last choice, shown before moving on. */
  const [pending, setPending] = useState<Walk | null>(null);

  const go = (next: Walk) => {
    setWalk(next);
    setPending(null);
    setVotes(emptyTally(currentNode(scenario, next)?.choices?.length ?? 0));
  };
  const decide = (index: number | 'majority') => {
    const next = choose(scenario, walk, index, votes);
    if (next !== walk) setPending(next);
  };

  if (!started) {
    return (
      <div class="live-scenario">
        <p class="ls-meta">{t('classroom.scenarioSlide')}</p>
        <h2 class="ls-title">{scenario.title}</h2>
        <p class="ls-text">{scenario.intro}</p>
        <button type="button" class="lq-button" onClick={() => setStarted(true)}>
          {t('walk.start')}
        </button>
      </div>
    );
  }

  if (pending) {
    const step = pending.steps[pending.steps.length - 1]!;
    const choice = scenario.nodes[step.node]!.choices![step.chosen]!;
    return (
      <div class="live-scenario">
        <p class="ls-meta">
          {scenario.title} · {t('walk.decision', { n: pending.steps.length })}
        </p>
        <h2 class="ls-title">
          {t('walk.chosen')}：{LETTERS[step.chosen]}. {choice.text}
        </h2>
        <p class="ls-text">{choice.feedback}</p>
        {choice.principle && <p class="ls-principle">{choice.principle}</p>}
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
    const ending = currentNode(scenario, walk)?.endings?.[0];
    const best = pathChoices(scenario, bestPath);
    return (
      <div class="live-scenario ls-debrief">
        <p class="ls-meta">
          {scenario.title} · {t('walk.debrief')}
        </p>
        {ending && (
          <>
            <h2 class="ls-title">
              {t('walk.ending')}：{ending.title} <span class={`ls-rating ls-${ending.rating}`}>{t(`walk.rating.${ending.rating}` as const)}</span>
            </h2>
            <p class="ls-text">{ending.text}</p>
            <p class="ls-text ls-debrief-text">{ending.debrief}</p>
          </>
        )}
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
                      {node.choices!.map((c, ci) => (
                        <li key={ci} class={ci === st.chosen ? 'is-chosen' : undefined}>
                          {LETTERS[ci]}. {c.text} — {t('live.votes', { n: st.votes[ci] ?? 0 })}
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
                    {LETTERS[b.choice]}. {c.text}（{t('walk.points', { n: c.points })}）
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

  const node = currentNode(scenario, walk)!;
  const top = majority(votes);
  return (
    <div class="live-scenario">
      <p class="ls-meta">
        {scenario.title} · {t('walk.decision', { n: walk.steps.length + 1 })}
      </p>
      <h2 class="ls-title ls-situation">
        {node.text}
      </h2>
      <ol class="lq-options ls-choices">
        {node.choices!.map((c, i) => (
          <li class="lq-option" key={`${walk.at}-${i}`}>
            <span class="lq-text">
              <span class="lq-letter">{LETTERS[i]}</span>
              {c.text}
            </span>
            <span class="lq-count" role="group" aria-label={`${LETTERS[i]} ${t('walk.votes')}`}>
              <button type="button" class="lq-step" aria-label={t('live.less', { option: LETTERS[i]! })} onClick={() => setVotes((v) => bump(v, i, -1))}>
                −
              </button>
              <output class="lq-votes" aria-live="polite">{t('live.votes', { n: votes[i] ?? 0 })}</output>
              <button type="button" class="lq-step" aria-label={t('live.more', { option: LETTERS[i]! })} onClick={() => setVotes((v) => bump(v, i, 1))}>
                +
              </button>
              <button type="button" class="lq-pick" aria-label={`${t('walk.choose')} ${LETTERS[i]}`} onClick={() => decide(i)}>
                {t('walk.choose')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div class="ls-actions">
        <button type="button" class="lq-button" disabled={top === null} onClick={() => decide('majority')}>
          {t('walk.followMajority')}
          {top !== null && `（${LETTERS[top]}）`}
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
