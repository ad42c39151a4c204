/**
 * Semantic checks on quiz and scenario data that a schema cannot express.
 * Each problem names the question or node; callers prefix the file path.
 */
import type { QuizData, ScenarioData } from './schema';

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
      case 'truefalse':
        break;
    }
  });
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
  /** Highest total points over all paths from start to an ending (0 when the graph is broken). */
  bestScore: number;
  /** Node ids along one best path, start first, ending last. */
  bestPath: string[];
  /** Number of decision points on the longest path. */
  maxDepth: number;
  /** Ids of ending nodes. */
  endings: string[];
}

/** Checks the scenario graph and computes its best score. */
export function analyzeScenario(s: ScenarioData): ScenarioAnalysis {
  const problems: ValidationProblem[] = [];
  const nodes = s.nodes;
  const endings = Object.keys(nodes).filter((k) => nodes[k]?.ending);
  if (!nodes[s.start]) {
    problems.push({ path: 'start', message: `start node "${s.start}" does not exist` });
    return { problems, bestScore: 0, bestPath: [], maxDepth: 0, endings };
  }
  for (const [nid, node] of Object.entries(nodes)) {
    node.choices?.forEach((c, i) => {
      if (!nodes[c.next]) problems.push({ path: `nodes.${nid}.choices[${i}]`, message: `choice points at missing node "${c.next}"` });
    });
  }
  // Depth-first search from start: reachability and cycles.
  const state = new Map<string, 'visiting' | 'done'>();
  const cyclic: string[] = [];
  const visit = (nid: string, trail: string[]): void => {
    const st = state.get(nid);
    if (st === 'done') return;
    if (st === 'visiting') {
      cyclic.push([...trail.slice(trail.indexOf(nid)), nid].join(' → '));
      return;
    }
    state.set(nid, 'visiting');
    for (const c of nodes[nid]?.choices ?? []) if (nodes[c.next]) visit(c.next, [...trail, nid]);
    state.set(nid, 'done');
  };
  visit(s.start, []);
  for (const c of cyclic) problems.push({ path: 'nodes', message: `cycle: ${c}` });
  for (const nid of Object.keys(nodes)) {
    if (!state.has(nid)) problems.push({ path: `nodes.${nid}`, message: `node "${nid}" is unreachable from start "${s.start}"` });
  }
  if (endings.length === 0) problems.push({ path: 'nodes', message: 'the scenario has no ending node' });
  if (problems.length) return { problems, bestScore: 0, bestPath: [], maxDepth: 0, endings };

  // Acyclic and complete: best score and depth by memoised recursion.
  const best = new Map<string, { score: number; path: string[]; depth: number }>();
  const solve = (nid: string): { score: number; path: string[]; depth: number } => {
    const hit = best.get(nid);
    if (hit) return hit;
    const node = nodes[nid]!;
    let result = { score: 0, path: [nid], depth: 0 };
    if (node.choices) {
      let top: { score: number; path: string[] } | undefined;
      let depth = 0;
      for (const c of node.choices) {
        const sub = solve(c.next);
        depth = Math.max(depth, sub.depth + 1);
        if (!top || sub.score + c.points > top.score) top = { score: sub.score + c.points, path: [nid, ...sub.path] };
      }
      result = { score: top!.score, path: top!.path, depth };
    }
    best.set(nid, result);
    return result;
  };
  const r = solve(s.start);
  return { problems, bestScore: r.score, bestPath: r.path, maxDepth: r.depth, endings };
}
