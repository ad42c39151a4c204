/**
 * Scenario walk-through with a class (pure): record votes per choice at each decision,
 * follow the majority or any choice, and summarise the path against the best path.
 */
import { majority } from './tally';

/** The part of a scenario the walk-through needs (structurally a ScenarioData). */
export interface WalkChoice {
  text: string;
  next: string;
  points: number;
  feedback: string;
  principle?: string;
  tradeoff?: string;
  when?: string;
  effects?: { set?: Record<string, boolean | number>; add?: Record<string, number> };
}
export interface WalkEnding {
  id: string;
  when?: string;
  rating: 'good' | 'mixed' | 'bad';
  title: string;
  text: string;
  debrief: string;
  debriefIf?: { when: string; text: string }[];
}
export interface WalkNode {
  text?: string;
  variants?: { when: string; text: string }[];
  choices?: WalkChoice[];
  endings?: WalkEnding[];
}
export interface WalkScenario {
  title: string;
  variables?: Record<string, { type: 'number'; label: string; min: number; max: number; initial: number } | { type: 'flag'; label: string; initial: boolean }>;
  intro: string;
  start: string;
  nodes: Record<string, WalkNode>;
}

export interface WalkStep {
  node: string;
  /** Votes per choice at this decision. */
  votes: number[];
  chosen: number;
  /** True when the chosen choice was the (untied) majority. */
  followedMajority: boolean;
}
export interface Walk {
  steps: WalkStep[];
  /** Node the class is at now. */
  at: string;
}

/** What the walk-through functions read of a scenario (a WalkScenario, or the live island's trimmed copy). */
export type WalkNodeLike = { choices?: { next: string; points: number }[]; endings?: unknown[] };
export interface WalkGraphLike<N extends WalkNodeLike = WalkNodeLike> {
  start: string;
  nodes: Record<string, N>;
}

export const startWalk = (s: WalkGraphLike): Walk => ({ steps: [], at: s.start });

/** The node the walk is at, if it exists. */
export const currentNode = <N extends WalkNodeLike>(s: WalkGraphLike<N>, w: Walk): N | undefined => s.nodes[w.at];

/** True once the walk stands on an ending (or on a node that does not exist). */
export const walkEnded = (s: WalkGraphLike, w: Walk): boolean => {
  const n = s.nodes[w.at];
  return !n || Boolean(n.endings) || !n.choices?.length;
};

/**
 * Takes choice `index` (or the majority when index is 'majority') with these votes.
 * Returns the walk unchanged when the choice is invalid or the majority is tied/empty.
 */
export function choose(s: WalkGraphLike, w: Walk, index: number | 'majority', votes: readonly number[]): Walk {
  const node = s.nodes[w.at];
  const choices = node?.choices;
  if (!choices?.length || walkEnded(s, w)) return w;
  const counts = choices.map((_, i) => Math.max(0, Math.round(votes[i] ?? 0)));
  const top = majority(counts);
  const chosen = index === 'majority' ? top : index;
  if (chosen === null || !Number.isInteger(chosen) || chosen < 0 || chosen >= choices.length) return w;
  return {
    steps: [...w.steps, { node: w.at, votes: counts, chosen, followedMajority: top === chosen }],
    at: choices[chosen]!.next,
  };
}

/** Goes back one decision (the instructor changes their mind). */
export const undo = (w: Walk): Walk => (w.steps.length ? { steps: w.steps.slice(0, -1), at: w.steps[w.steps.length - 1]!.node } : w);

/** Points collected along the walk. */
export function walkScore(s: WalkGraphLike, w: Walk): number {
  return w.steps.reduce((sum, st) => sum + (s.nodes[st.node]?.choices?.[st.chosen]?.points ?? 0), 0);
}

/**
 * The choices along a path of node ids (as from analyzeScenario's bestPath): node and choice index.
 * With `choices` (analyzeScenario's bestChoices) the indices are taken as given, which matters
 * when two choices of a node lead to the same next node.
 */
export function pathChoices(s: WalkGraphLike, path: readonly string[], choices?: readonly number[]): { node: string; choice: number }[] {
  if (choices) return choices.map((choice, i) => ({ node: path[i]!, choice })).filter((x) => x.node !== undefined);
  const out: { node: string; choice: number }[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const choices = s.nodes[path[i]!]?.choices ?? [];
    const c = choices.findIndex((ch) => ch.next === path[i + 1]);
    if (c < 0) break;
    out.push({ node: path[i]!, choice: c });
  }
  return out;
}

/**
 * A scenario laid out as a tree from the start, for the answer key. Each decision point is
 * written out once, numbered in reading order; a later branch that leads to a decision point
 * already written out refers to it by number (`seeAbove`) instead of repeating its subtree.
 * Endings are short and are always shown in place.
 */
export interface TreeNode {
  id: string;
  /** 1-based number of a decision point, in the order it is written out. */
  number?: number;
  text?: string;
  /** Text variants shown when their condition holds. */
  variants?: WalkNode['variants'];
  endings?: WalkEnding[];
  branches: { choice: WalkChoice; best: boolean; child: TreeNode }[];
  /** This decision point was written out earlier (see the node with the same number). */
  seeAbove?: boolean;
  /** Set when the graph is broken (missing node, cycle) or the depth limit was hit. */
  truncated?: boolean;
}

export function scenarioTree(s: WalkScenario, bestPath: readonly string[] = [], maxDepth = 12, bestChoices?: readonly number[]): TreeNode {
  const best = new Set(pathChoices(s, bestPath, bestChoices).map((p) => `${p.node}#${p.choice}`));
  const numbers = new Map<string, number>();
  const build = (id: string, depth: number, trail: Set<string>): TreeNode => {
    const n = s.nodes[id];
    if (!n) return { id, text: undefined, branches: [], truncated: true };
    if (n.endings || !n.choices?.length) return { id, text: n.text, endings: n.endings, branches: [] };
    if (trail.has(id) || depth > maxDepth) return { id, text: n.text, branches: [], truncated: true };
    const seen = numbers.get(id);
    if (seen !== undefined) return { id, number: seen, text: n.text, branches: [], seeAbove: true };
    const number = numbers.size + 1;
    numbers.set(id, number);
    const next = new Set(trail).add(id);
    return {
      id,
      number,
      text: n.text,
      variants: n.variants,
      branches: n.choices.map((choice, i) => ({ choice, best: best.has(`${id}#${i}`), child: build(choice.next, depth + 1, next) })),
    };
  };
  return build(s.start, 0, new Set());
}

/** Labels of a scenario's variables, for describing conditions and effects to people. */
export type VarLabels = Record<string, { label: string; type: 'number' | 'flag' }>;

export function varLabels(s: Pick<WalkScenario, 'variables'>): VarLabels {
  return Object.fromEntries(Object.entries(s.variables ?? {}).map(([k, v]) => [k, { label: v.label, type: v.type }]));
}

/** A condition in words: variable names become their labels, and/or/not become 并且/或者/非. */
export function describeCondition(when: string, labels: VarLabels, words = { and: '并且', or: '或者', not: '非' }): string {
  return when
    .replace(/[A-Za-z_][A-Za-z0-9_]*/g, (w) => (w === 'and' || w === 'or' || w === 'not' ? words[w] : (labels[w]?.label ?? w)))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A choice's effects in words, e.g. "已提前报告：是；领导信任 +2". */
export function describeEffects(effects: WalkChoice['effects'], labels: VarLabels, words = { yes: '是', no: '否' }): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(effects?.set ?? {})) parts.push(typeof v === 'boolean' ? `${labels[k]?.label ?? k}：${v ? words.yes : words.no}` : `${labels[k]?.label ?? k} = ${v}`);
  for (const [k, v] of Object.entries(effects?.add ?? {})) parts.push(`${labels[k]?.label ?? k} ${v >= 0 ? '+' : '−'}${Math.abs(v)}`);
  return parts.join('；');
}

/**
 * One reachable (node, variables) state of a scenario, precomputed at build time for the class
 * walk-through (so the live island needs no condition engine): what is shown there and where
 * each shown choice leads.
 */
export interface WalkState {
  node: string;
  vars: Record<string, number | boolean>;
  text: string;
  /** Choices shown in this state: authored index and the key of the state it leads to. */
  choices: { index: number; next: string }[];
  /** Terminal node: the ending reached and its debrief paragraphs. */
  ending?: string;
  debrief?: string[];
}
