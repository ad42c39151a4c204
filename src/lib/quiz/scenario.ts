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
