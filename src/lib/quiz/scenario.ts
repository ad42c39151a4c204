/**
 * Scenario state machine: start → choose → … → ending. Pure and immutable; invalid moves
 * (choosing on an ending, an out-of-range choice, a choice that points nowhere) return the
 * state unchanged, so bad input never breaks the island.
 */
import type { ScenarioData, ScenarioNode } from './schema';

export interface ScenarioStep {
  /** Node where the choice was made. */
  node: string;
  /** Index of the choice in that node. */
  choice: number;
  points: number;
}

export interface ScenarioState {
  /** Current node id. */
  node: string;
  steps: ScenarioStep[];
  score: number;
  /** True once the current node is an ending. */
  ended: boolean;
}

export function startScenario(s: ScenarioData): ScenarioState {
  return { node: s.start, steps: [], score: 0, ended: Boolean(s.nodes[s.start]?.ending) };
}

export function currentNode(s: ScenarioData, st: ScenarioState): ScenarioNode | undefined {
  return s.nodes[st.node];
}

export function choose(s: ScenarioData, st: ScenarioState, index: number): ScenarioState {
  if (st.ended) return st;
  const c = s.nodes[st.node]?.choices?.[index];
  if (!c || !s.nodes[c.next]) return st;
  return {
    node: c.next,
    steps: [...st.steps, { node: st.node, choice: index, points: c.points }],
    score: st.score + c.points,
    ended: Boolean(s.nodes[c.next]!.ending),
  };
}

/** Node ids visited, start first (the current node last): the "path taken" that progress saves. */
export function pathOf(st: ScenarioState): string[] {
  return [...st.steps.map((x) => x.node), st.node];
}
