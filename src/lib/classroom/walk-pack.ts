/**
 * The live scenario island's data, small (issue 17). The island used to get the whole scenario and
 * every reachable walk state (src/lib/quiz/walk-states.ts) as props: Astro serialises props value by
 * value in JavaScript, twice per island (its hash and the attribute), then hashes and escapes the
 * result, and the larger case scenarios made one present page cost over 50 ms. Here the island gets
 * one JSON string with only what it shows, and the states packed: each state's text and debrief
 * paragraphs are indices into one table of distinct texts (364 states of one case share 33 texts),
 * its variables an array in declaration order, its key its index. unpackWalk gives the island the
 * same states walkStates made (keys renamed to indices). Pure: tests/unit/classroom-walk-pack.test.ts.
 */
import type { WalkState } from './scenario';

/** A scenario as the live walk-through reads it (structurally a ScenarioData, less what it never shows). */
export interface LiveChoice {
  text: string;
  next: string;
  points: number;
  feedback: string;
  principle?: string;
}
export interface LiveEnding {
  id: string;
  rating: 'good' | 'mixed' | 'bad';
  title: string;
  text: string;
}
export interface LiveNode {
  choices?: LiveChoice[];
  endings?: LiveEnding[];
}
export type LiveVariable = { type: 'number'; label: string; max: number } | { type: 'flag'; label: string };
export interface LiveWalkScenario {
  title: string;
  intro: string;
  start: string;
  variables?: Record<string, LiveVariable>;
  nodes: Record<string, LiveNode>;
}

/**
 * One state: [node, variable values in declaration order, text (index), choices as flat pairs
 * (authored index, state index), ending id ('' for none), debrief (text indices)]. State 0 is the start.
 */
export type PackedState = [node: string, vars: (number | boolean)[], text: number, choices: number[], ending: string, debrief: number[]];
export interface PackedWalk {
  texts: string[];
  states: PackedState[];
}
export interface LiveScenarioData {
  scenario: LiveWalkScenario;
  bestPath: string[];
  bestChoices: number[];
  bestScore: number;
  walk: PackedWalk;
}
/** The walk states as the island uses them (walkStates' shape). */
export interface WalkGraph {
  start: string;
  states: Record<string, WalkState>;
}

/** What the island shows of a scenario: drops conditions, effects, variants, debriefs and authoring fields. */
export function liveScenario(s: {
  title: string;
  intro: string;
  start: string;
  variables?: Record<string, { type: 'number'; label: string; max: number } | { type: 'flag'; label: string }>;
  nodes: Record<string, { choices?: LiveChoice[]; endings?: LiveEnding[] }>;
}): LiveWalkScenario {
  const nodes: Record<string, LiveNode> = {};
  for (const [id, n] of Object.entries(s.nodes)) {
    const node: LiveNode = {};
    if (n.choices) node.choices = n.choices.map((c) => ({ text: c.text, next: c.next, points: c.points, feedback: c.feedback, ...(c.principle !== undefined && { principle: c.principle }) }));
    if (n.endings) node.endings = n.endings.map((e) => ({ id: e.id, rating: e.rating, title: e.title, text: e.text }));
    nodes[id] = node;
  }
  const out: LiveWalkScenario = { title: s.title, intro: s.intro, start: s.start, nodes };
  if (s.variables) out.variables = Object.fromEntries(Object.entries(s.variables).map(([k, v]) => [k, v.type === 'number' ? { type: 'number', label: v.label, max: v.max } : { type: 'flag', label: v.label }]));
  return out;
}

/** Packs walkStates' result; `names` are the scenario's variable names in declaration order. */
export function packWalk(graph: WalkGraph, names: readonly string[]): PackedWalk {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const text = (s: string) => {
    let i = textIndex.get(s);
    if (i === undefined) textIndex.set(s, (i = texts.push(s) - 1));
    return i;
  };
  // The start first, then the others in their order (walkStates adds them depth first).
  const keys = [graph.start, ...Object.keys(graph.states).filter((k) => k !== graph.start)];
  const index = new Map(keys.map((k, i) => [k, i]));
  const states = keys.map((k): PackedState => {
    const st = graph.states[k]!;
    const extra = Object.keys(st.vars).filter((v) => !names.includes(v));
    if (extra.length) throw new Error(`packWalk: state ${k} has undeclared variables ${extra.join(', ')}`);
    const choices = st.choices.flatMap((c) => {
      const to = index.get(c.next);
      if (to === undefined) throw new Error(`packWalk: state ${k} leads to unknown state ${c.next}`);
      return [c.index, to];
    });
    return [st.node, names.map((n) => st.vars[n]!), text(st.text), choices, st.ending ?? '', (st.debrief ?? []).map(text)];
  });
  return { texts, states };
}

/** The states back, keyed by their index ('0' is the start). */
export function unpackWalk(p: PackedWalk, names: readonly string[]): WalkGraph {
  const states: Record<string, WalkState> = {};
  p.states.forEach(([node, values, text, flat, ending, debrief], i) => {
    const choices: WalkState['choices'] = [];
    for (let c = 0; c + 1 < flat.length; c += 2) choices.push({ index: flat[c]!, next: String(flat[c + 1]) });
    const st: WalkState = { node, vars: Object.fromEntries(names.map((n, v) => [n, values[v]!])), text: p.texts[text] ?? '', choices };
    if (ending) {
      st.ending = ending;
      st.debrief = debrief.map((d) => p.texts[d] ?? '');
    }
    states[String(i)] = st;
  });
  return { start: '0', states };
}

/** The states along a walk's choices from the start (before each decision; the last one is now). */
export function statesAlong(graph: WalkGraph, choices: readonly number[]): WalkState[] {
  const out = [graph.states[graph.start]!];
  for (const c of choices) {
    const next = out.at(-1)!.choices.find((x) => x.index === c);
    if (!next || !graph.states[next.next]) break;
    out.push(graph.states[next.next]!);
  }
  return out;
}

/** The island's data as one JSON string (one prop: Astro serialises a string in one step). */
export const liveScenarioJson = (d: LiveScenarioData): string => JSON.stringify(d);
