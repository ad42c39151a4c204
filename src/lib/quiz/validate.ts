/**
 * Semantic checks on quiz and scenario data that a schema cannot express.
 * Each problem names the question, node, choice or ending; callers prefix the file path.
 *
 * Scenarios: conditions are parsed and type-checked against the declared variables, effects are
 * checked, the node graph must be acyclic with every node reachable, and then every reachable
 * (node, variable state) pair is explored exhaustively (the graphs are small) to find endings no
 * path reaches, states where no ending holds, decision points showing fewer than 2 choices, and
 * the best path and score range.
 */
import { conditionVars, isConditionError, parseCondition } from './condition.ts';
import type { QuizData, ScenarioData, ScenarioNode } from './schema.ts';
import { applyEffects, endingFor, initialVars, visibleChoices, type VarState } from './scenario.ts';

export interface ValidationProblem {
  /** Where: "questions[2] (id q3)" or "nodes.n4.choices[1]". */
  path: string;
  message: string;
}

export function validateQuiz(quiz: QuizData): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  quiz.questions.forEach((q, i) => {
    const path = `questions[${i}] (id ${q.id})`;
    if (seen.has(q.id)) problems.push({ path, message: `duplicate question id "${q.id}"` });
    seen.add(q.id);
    if (quiz.draw && !q.ref) problems.push({ path: `${path}.ref`, message: 'every question of a drawn pool needs "ref" (its module is taken from it)' });
    switch (q.kind) {
      case 'single': {
        const n = q.options.filter((o) => o.correct).length;
        if (n !== 1) problems.push({ path, message: `single choice needs exactly one correct option, found ${n}` });
        dupTexts(q.options.map((o) => o.text), path, 'option', problems);
        break;
      }
      case 'multiple': {
        const n = q.options.filter((o) => o.correct).length;
        if (n < 1) problems.push({ path, message: 'multiple choice needs at least one correct option, found 0' });
        dupTexts(q.options.map((o) => o.text), path, 'option', problems);
        break;
      }
      case 'ordering':
        // Two identical steps could be swapped without the learner being wrong: unscorable.
        dupTexts(q.items.map((o) => o.text), path, 'ordering item', problems);
        break;
      case 'matching':
        dupTexts(q.pairs.map((p) => p.left), path, 'matching left item', problems);
        dupTexts(q.pairs.map((p) => p.right), path, 'matching right item', problems);
        break;
      case 'judgement': {
        for (const rank of ['best', 'worst'] as const) {
          const n = q.responses.filter((r) => r.rank === rank).length;
          if (n !== 1) problems.push({ path: `${path}.responses`, message: `a judgement item needs exactly one "${rank}" response, found ${n}` });
        }
        dupTexts(q.responses.map((r) => r.text), path, 'response', problems);
        break;
      }
      case 'truefalse':
        break;
    }
  });
  if (quiz.draw && quiz.draw.count > quiz.questions.length) {
    problems.push({ path: 'draw.count', message: `draws ${quiz.draw.count} questions from a pool of only ${quiz.questions.length}` });
  }
  return problems;
}

function dupTexts(texts: string[], path: string, what: string, problems: ValidationProblem[]): void {
  const seen = new Set<string>();
  for (const t of texts) {
    const key = t.trim();
    if (seen.has(key)) problems.push({ path, message: `duplicate ${what} "${key}": the answer could not be scored` });
    seen.add(key);
  }
}

export interface ScenarioAnalysis {
  problems: ValidationProblem[];
  /** Highest total points over all paths from start to an ending (0 when the scenario is broken). */
  bestScore: number;
  /** Lowest total points over all complete paths. */
  minScore: number;
  /** Node ids along one best path, start first, terminal node last. */
  bestPath: string[];
  /** Authored choice indices along that best path (replay them with `replay`). */
  bestChoices: number[];
  /** Id of the ending the best path reaches. */
  bestEnding?: string;
  /** Number of decision points on the longest path. */
  maxDepth: number;
  /** Ids of terminal nodes. */
  endingNodes: string[];
  /** Ids of all ending entries (each a distinct outcome the learner can reach). */
  endings: string[];
  /** Number of reachable (node, state) pairs explored. */
  states: number;
}

/** Above this many reachable (node, state) pairs the scenario is rejected as too big to check. */
export const MAX_STATES = 50_000;

const describeVars = (vars: VarState): string =>
  Object.keys(vars).length ? Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(', ') : '(no variables)';

/** Checks a scenario and computes its best path and score range by exhaustive exploration. */
export function analyzeScenario(s: ScenarioData): ScenarioAnalysis {
  const problems: ValidationProblem[] = [];
  const nodes = s.nodes;
  const endingNodes = Object.keys(nodes).filter((k) => nodes[k]?.endings);
  const endings = endingNodes.flatMap((k) => nodes[k]!.endings!.map((e) => e.id));
  const broken = (): ScenarioAnalysis => ({ problems, bestScore: 0, minScore: 0, bestPath: [], bestChoices: [], maxDepth: 0, endingNodes, endings, states: 0 });

  // Variables.
  const decl = s.variables ?? {};
  for (const [name, v] of Object.entries(decl)) {
    if (['and', 'or', 'not'].includes(name)) problems.push({ path: `variables.${name}`, message: `"${name}" is a keyword of the condition grammar` });
    if (v.type === 'number') {
      if (v.min > v.max) problems.push({ path: `variables.${name}`, message: `min ${v.min} is above max ${v.max}` });
      if (v.initial < v.min || v.initial > v.max) problems.push({ path: `variables.${name}.initial`, message: `initial ${v.initial} is outside [${v.min}, ${v.max}]` });
    }
  }
  const checkCond = (path: string, src: string | undefined) => {
    if (src === undefined) return;
    let vars;
    try {
      vars = conditionVars(parseCondition(src));
    } catch (e) {
      if (isConditionError(e)) return void problems.push({ path, message: `malformed condition: ${(e as Error).message}` });
      throw e;
    }
    for (const { name, as } of vars) {
      const d = decl[name];
      if (!d) problems.push({ path, message: `condition "${src}" uses undeclared variable "${name}" (declare it under "variables")` });
      else if (as === 'flag' && d.type !== 'flag') problems.push({ path, message: `condition "${src}" uses number "${name}" as a flag; compare it, e.g. "${name} >= 1"` });
      else if (as === 'number' && d.type !== 'number') problems.push({ path, message: `condition "${src}" compares flag "${name}" with a number; write "${name}" or "not ${name}"` });
    }
  };

  // Node contents: conditions, effects, next, ending ids, text prefixes.
  const endingIds = new Map<string, string>();
  for (const [nid, node] of Object.entries(nodes)) {
    node.variants?.forEach((v, i) => checkCond(`nodes.${nid}.variants[${i}].when`, v.when));
    node.choices?.forEach((c, i) => {
      const path = `nodes.${nid}.choices[${i}]`;
      if (!nodes[c.next]) problems.push({ path: `${path}.next`, message: `choice points at missing node "${c.next}"` });
      checkCond(`${path}.when`, c.when);
      for (const [name, value] of Object.entries(c.effects?.set ?? {})) {
        const d = decl[name];
        const p = `${path}.effects.set.${name}`;
        if (!d) problems.push({ path: p, message: `sets undeclared variable "${name}"` });
        else if (d.type === 'flag' && typeof value !== 'boolean') problems.push({ path: p, message: `flag "${name}" can only be set to true or false` });
        else if (d.type === 'number' && typeof value !== 'number') problems.push({ path: p, message: `number "${name}" can only be set to a number` });
        else if (d.type === 'number' && ((value as number) < d.min || (value as number) > d.max)) problems.push({ path: p, message: `sets "${name}" to ${value}, outside its range [${d.min}, ${d.max}]` });
      }
      for (const name of Object.keys(c.effects?.add ?? {})) {
        const d = decl[name];
        const p = `${path}.effects.add.${name}`;
        if (!d) problems.push({ path: p, message: `adds to undeclared variable "${name}"` });
        else if (d.type !== 'number') problems.push({ path: p, message: `"add" on flag "${name}": use "set" for flags` });
      }
    });
    node.endings?.forEach((e, i) => {
      const path = `nodes.${nid}.endings[${i}] (id ${e.id})`;
      const other = endingIds.get(e.id);
      if (other) problems.push({ path, message: `ending id "${e.id}" is also used at ${other}; ending ids are unique per scenario` });
      endingIds.set(e.id, `nodes.${nid}`);
      checkCond(`${path}.when`, e.when);
      e.debriefIf?.forEach((d, j) => checkCond(`${path}.debriefIf[${j}].when`, d.when));
      if (/^\s*复盘/.test(e.title)) problems.push({ path: `${path}.title`, message: 'title starts with "复盘": the page adds that label itself' });
      if (/^\s*复盘[：:]/.test(e.debrief)) problems.push({ path: `${path}.debrief`, message: 'debrief starts with "复盘：": the page adds that label itself' });
      if (e.when === undefined && i < node.endings!.length - 1) {
        problems.push({ path, message: `ending without "when" always holds, so the entries after it can never be reached; put it last` });
      }
    });
  }
  if (!nodes[s.start]) problems.push({ path: 'start', message: `start node "${s.start}" does not exist` });
  if (problems.length) return broken();

  // Static graph (all choices, conditions ignored): cycles and reachability.
  const mark = new Map<string, 'visiting' | 'done'>();
  const cyclic: string[] = [];
  const visit = (nid: string, trail: string[]): void => {
    const st = mark.get(nid);
    if (st === 'done') return;
    if (st === 'visiting') {
      cyclic.push([...trail.slice(trail.indexOf(nid)), nid].join(' → '));
      return;
    }
    mark.set(nid, 'visiting');
    for (const c of nodes[nid]?.choices ?? []) visit(c.next, [...trail, nid]);
    mark.set(nid, 'done');
  };
  visit(s.start, []);
  for (const c of cyclic) problems.push({ path: 'nodes', message: `cycle: ${c}` });
  for (const nid of Object.keys(nodes)) {
    if (!mark.has(nid)) problems.push({ path: `nodes.${nid}`, message: `node "${nid}" is unreachable from start "${s.start}"` });
  }
  if (endingNodes.length === 0) problems.push({ path: 'nodes', message: 'the scenario has no terminal node (a node with "endings")' });
  if (problems.length) return broken();

  // Exhaustive exploration of reachable (node, state) pairs; the graph is acyclic, so memoised
  // recursion terminates. Each result: best/worst total from here, depth, best choice.
  interface Result {
    best: number;
    worst: number;
    depth: number;
    bestChoice?: number;
    bestEnding?: string;
  }
  const memo = new Map<string, Result>();
  const seenNodes = new Set<string>();
  const seenChoices = new Set<string>();
  const seenEndings = new Set<string>();
  const reported = new Set<string>();
  const varNames = Object.keys(decl);
  const keyOf = (nid: string, vars: VarState) => `${nid}|${varNames.map((n) => String(vars[n])).join(',')}`;
  let overflow = false;

  const explore = (nid: string, vars: VarState): Result => {
    const key = keyOf(nid, vars);
    const hit = memo.get(key);
    if (hit) return hit;
    if (memo.size >= MAX_STATES) {
      overflow = true;
      return { best: 0, worst: 0, depth: 0 };
    }
    seenNodes.add(nid);
    const node: ScenarioNode = nodes[nid]!;
    let r: Result;
    if (node.endings) {
      const e = endingFor(node, vars);
      if (e) seenEndings.add(e.id);
      else if (!reported.has(`noend:${nid}`)) {
        reported.add(`noend:${nid}`);
        problems.push({ path: `nodes.${nid}.endings`, message: `no ending condition holds in a reachable state (${describeVars(vars)}); add a last entry without "when"` });
      }
      r = { best: 0, worst: 0, depth: 0, bestEnding: e?.id };
    } else {
      const shown = visibleChoices(node, vars);
      if (shown.length < 2 && !reported.has(`few:${nid}`)) {
        reported.add(`few:${nid}`);
        problems.push({ path: `nodes.${nid}.choices`, message: `only ${shown.length} choice(s) shown in a reachable state (${describeVars(vars)}); a decision point needs at least 2` });
      }
      r = { best: -Infinity, worst: Infinity, depth: 0 };
      for (const { choice, index } of shown) {
        seenChoices.add(`${nid}:${index}`);
        const sub = explore(choice.next, applyEffects(s, vars, choice.effects));
        if (sub.best + choice.points > r.best) {
          r.best = sub.best + choice.points;
          r.bestChoice = index;
          r.bestEnding = sub.bestEnding;
        }
        r.worst = Math.min(r.worst, sub.worst + choice.points);
        r.depth = Math.max(r.depth, sub.depth + 1);
      }
      if (!shown.length) r = { best: 0, worst: 0, depth: 0 };
    }
    memo.set(key, r);
    return r;
  };
  const start = initialVars(s);
  const root = explore(s.start, start);
  if (overflow) problems.push({ path: 'variables', message: `more than ${MAX_STATES} reachable states: use fewer or narrower variables` });

  for (const nid of Object.keys(nodes)) {
    if (!seenNodes.has(nid)) problems.push({ path: `nodes.${nid}`, message: `node "${nid}" is never reached: every choice leading to it is hidden by its condition` });
  }
  for (const [nid, node] of Object.entries(nodes)) {
    if (!seenNodes.has(nid)) continue;
    node.choices?.forEach((c, i) => {
      if (!seenChoices.has(`${nid}:${i}`)) problems.push({ path: `nodes.${nid}.choices[${i}]`, message: `choice is never shown: its condition "${c.when}" holds in no reachable state` });
    });
    node.endings?.forEach((e, i) => {
      if (!seenEndings.has(e.id)) problems.push({ path: `nodes.${nid}.endings[${i}] (id ${e.id})`, message: `ending "${e.id}" is reached by no path (an earlier entry always holds first, or its condition never holds here)` });
    });
  }

  // Replay the best choices to get the best path.
  const bestPath: string[] = [s.start];
  const bestChoices: number[] = [];
  let nid = s.start;
  let vars = start;
  for (;;) {
    const r = memo.get(keyOf(nid, vars));
    if (!r || r.bestChoice === undefined) break;
    const c = nodes[nid]!.choices![r.bestChoice]!;
    bestChoices.push(r.bestChoice);
    vars = applyEffects(s, vars, c.effects);
    nid = c.next;
    bestPath.push(nid);
  }
  return {
    problems,
    bestScore: root.best,
    minScore: root.worst,
    bestPath,
    bestChoices,
    bestEnding: root.bestEnding,
    maxDepth: root.depth,
    endingNodes,
    endings,
    states: memo.size,
  };
}
