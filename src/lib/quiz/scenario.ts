/**
 * Scenario state machine: start → choose → … → ending, with declared variables (numbers with a
 * range, flags) changed by choices (`set`/`add`, clamped), choices and text variants shown on
 * conditions, and the ending of a terminal node picked by the first `when` that holds.
 * Pure and immutable; invalid moves (choosing on an ending, an out-of-range or hidden choice, a
 * choice that points nowhere) return the state unchanged, so bad input never breaks the island.
 */
import { holds, type VarState } from './condition.ts';
import type { ScenarioChoice, ScenarioData, ScenarioEnding, ScenarioNode } from './schema.ts';

export type { VarState } from './condition.ts';

export interface ScenarioStep {
  /** Node where the choice was made. */
  node: string;
  /** Index of the choice in that node (authored order). */
  choice: number;
  points: number;
}

export interface ScenarioState {
  /** Current node id. */
  node: string;
  steps: ScenarioStep[];
  score: number;
  /** Variable values now. */
  vars: VarState;
  /** True once the current node is a terminal node. */
  ended: boolean;
  /** Id of the ending reached (when ended and an ending condition held). */
  ending?: string;
}

/** Initial values of the declared variables. */
export function initialVars(s: ScenarioData): VarState {
  const vars: VarState = {};
  for (const [name, v] of Object.entries(s.variables ?? {})) vars[name] = v.initial;
  return vars;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Variables after a choice's effects: `set` first, then `add`; numbers clamped to their range. */
export function applyEffects(s: ScenarioData, vars: VarState, effects: ScenarioChoice['effects']): VarState {
  if (!effects) return vars;
  const out = { ...vars };
  const decl = s.variables ?? {};
  for (const [name, value] of Object.entries(effects.set ?? {})) {
    const d = decl[name];
    if (!d) continue;
    if (d.type === 'flag' && typeof value === 'boolean') out[name] = value;
    if (d.type === 'number' && typeof value === 'number') out[name] = clamp(value, d.min, d.max);
  }
  for (const [name, delta] of Object.entries(effects.add ?? {})) {
    const d = decl[name];
    if (d?.type !== 'number') continue;
    out[name] = clamp((typeof out[name] === 'number' ? (out[name] as number) : d.initial) + delta, d.min, d.max);
  }
  return out;
}

/** The choices shown in this state, with their authored index. */
export function visibleChoices(node: ScenarioNode | undefined, vars: VarState): { choice: ScenarioChoice; index: number }[] {
  return (node?.choices ?? []).flatMap((choice, index) => (holds(choice.when, vars) ? [{ choice, index }] : []));
}

/** The situation text in this state: the first variant whose condition holds, else `text`. */
export function nodeText(node: ScenarioNode | undefined, vars: VarState): string {
  return node?.variants?.find((v) => holds(v.when, vars))?.text ?? node?.text ?? '';
}

/** The ending of a terminal node in this state: the first entry whose condition holds. */
export function endingFor(node: ScenarioNode | undefined, vars: VarState): ScenarioEnding | undefined {
  return node?.endings?.find((e) => holds(e.when, vars));
}

/** Debrief paragraphs: the main debrief, then every `debriefIf` whose condition holds. */
export function debriefParagraphs(ending: ScenarioEnding, vars: VarState): string[] {
  return [ending.debrief, ...(ending.debriefIf ?? []).filter((d) => holds(d.when, vars)).map((d) => d.text)];
}

/** Finds an ending by id anywhere in the scenario (for saved progress and the answer key). */
export function findEnding(s: ScenarioData, id: string): ScenarioEnding | undefined {
  for (const n of Object.values(s.nodes)) {
    const e = n.endings?.find((x) => x.id === id);
    if (e) return e;
  }
  return undefined;
}

function arrive(s: ScenarioData, node: string, vars: VarState): Pick<ScenarioState, 'ended' | 'ending'> {
  const n = s.nodes[node];
  const ended = Boolean(n?.endings);
  return ended ? { ended, ending: endingFor(n, vars)?.id } : { ended };
}

export function startScenario(s: ScenarioData): ScenarioState {
  const vars = initialVars(s);
  return { node: s.start, steps: [], score: 0, vars, ...arrive(s, s.start, vars) };
}

export function currentNode(s: ScenarioData, st: ScenarioState): ScenarioNode | undefined {
  return s.nodes[st.node];
}

/** Takes the choice with authored index `index`; a hidden or invalid choice leaves the state unchanged. */
export function choose(s: ScenarioData, st: ScenarioState, index: number): ScenarioState {
  if (st.ended) return st;
  const c = s.nodes[st.node]?.choices?.[index];
  if (!c || !s.nodes[c.next] || !holds(c.when, st.vars)) return st;
  const vars = applyEffects(s, st.vars, c.effects);
  return {
    node: c.next,
    steps: [...st.steps, { node: st.node, choice: index, points: c.points }],
    score: st.score + c.points,
    vars,
    ...arrive(s, c.next, vars),
  };
}

/** Replays a list of authored choice indices from the start (undefined when one is not allowed). */
export function replay(s: ScenarioData, choices: readonly number[]): ScenarioState | undefined {
  let st = startScenario(s);
  for (const i of choices) {
    const next = choose(s, st, i);
    if (next === st) return undefined;
    st = next;
  }
  return st;
}

/** Node ids visited, start first (the current node last): the "path taken" that progress saves. */
export function pathOf(st: ScenarioState): string[] {
  return [...st.steps.map((x) => x.node), st.node];
}

/** Every state along a list of choices, the start first (stops early at a choice that is not allowed). */
export function trace(s: ScenarioData, choices: readonly number[]): ScenarioState[] {
  const out = [startScenario(s)];
  for (const i of choices) {
    const next = choose(s, out[out.length - 1]!, i);
    if (next === out[out.length - 1]) break;
    out.push(next);
  }
  return out;
}

/* ---------- Learner feedback, step back, path review, endings found (issue 16) ---------- */

/** How good a choice was at its step: the most points on offer there, none, or in between. */
export type ChoiceQuality = 'best' | 'partial' | 'poor';

/**
 * Quality of `points` where `max` was the most on offer: best when it earns the most, poor when it
 * earns nothing (the schema's "0 = poor") while more was possible, partly right otherwise.
 */
export function choiceQuality(points: number, max: number): ChoiceQuality {
  if (points >= max) return 'best';
  return points <= 0 ? 'poor' : 'partial';
}

/** The most points any choice shown in this state earns (0 on an ending or an unknown node). */
export function stepMax(node: ScenarioNode | undefined, vars: VarState): number {
  return visibleChoices(node, vars).reduce((m, x) => Math.max(m, x.choice.points), 0);
}

/**
 * The state one decision earlier (as the classroom walk allows): replays every choice but the
 * last, so variables and the ending are recomputed, not patched. At the start it changes nothing.
 */
export function stepBack(s: ScenarioData, st: ScenarioState): ScenarioState {
  if (st.steps.length === 0) return st;
  return replay(s, st.steps.slice(0, -1).map((x) => x.choice)) ?? startScenario(s);
}

export interface ReviewStep {
  /** 1-based step number. */
  n: number;
  /** The situation as the learner read it (the variant shown in that state). */
  situation: string;
  choice: ScenarioChoice;
  points: number;
  /** Most points on offer at this step. */
  max: number;
  quality: ChoiceQuality;
  /** A choice shown at this step that earns more (the first with the most points), when there was one. */
  better?: ScenarioChoice;
}

/**
 * The path taken, in reading order: for each decision the situation, the choice and its outcome,
 * and the better choice where there was one. Stops at the first choice that is not allowed.
 */
export function pathReview(s: ScenarioData, choices: readonly number[]): ReviewStep[] {
  const states = trace(s, choices);
  return states.slice(0, -1).map((before, i) => {
    const node = s.nodes[before.node];
    const choice = node!.choices![choices[i]!]!;
    const shown = visibleChoices(node, before.vars);
    const max = shown.reduce((m, x) => Math.max(m, x.choice.points), 0);
    const top = shown.find((x) => x.choice.points === max)?.choice;
    return {
      n: i + 1,
      situation: nodeText(node, before.vars),
      choice,
      points: choice.points,
      max,
      quality: choiceQuality(choice.points, max),
      ...(top && choice.points < max ? { better: top } : {}),
    };
  });
}

/** Every ending of the scenario, in authored order (ids are unique per scenario). */
export function allEndings(s: ScenarioData): ScenarioEnding[] {
  return Object.values(s.nodes).flatMap((n) => n.endings ?? []);
}

/**
 * Endings the learner has reached (in the order of `endings`, unknown ids ignored) and how many
 * remain: the remaining ones are counted, never named, so the page does not give them away.
 * Takes any list of `{ id }` so the cases index can pass ids and titles without the scenario.
 */
export function foundAmong<E extends { id: string }>(endings: readonly E[], reached: Iterable<string>): { found: E[]; remaining: number; total: number } {
  const ids = new Set(reached);
  const found = endings.filter((e) => ids.has(e.id));
  return { found, remaining: endings.length - found.length, total: endings.length };
}

/** foundAmong over every ending of the scenario. */
export function endingsFound(s: ScenarioData, reached: Iterable<string>): { found: ScenarioEnding[]; remaining: number; total: number } {
  return foundAmong(allEndings(s), reached);
}
