/**
 * Final-assessment pool: each attempt draws `draw.count` questions, stratified so that every
 * teaching module (from each question's `ref`; the `assessment` module itself excluded) and
 * every question kind appears at least once and at least 60% are apply/analyze. The draw is a
 * pure function of (pool, seed): the seed is stored with the attempt, so a reload shows the
 * same paper and a retake (new seed) a new one. Uses the project's one PRNG (./prng.ts).
 */
import { hashSeed, mulberry32, permutation } from './prng.ts';
import { HIGHER_LEVELS } from './constants.ts';
import type { Question, QuizData } from './schema.ts';

export const POOL_HIGHER_MIN = 0.6;
/** Modules whose questions do not count as teaching modules for stratification. */
export const NON_TEACHING_MODULES = ['assessment'];

/** Module id of a question (first segment of its `ref`), or undefined. */
export const moduleOf = (q: Pick<Question, 'ref'>): string | undefined => q.ref?.split('/')[0];
const isHigher = (q: Pick<Question, 'level'>) => HIGHER_LEVELS.includes(q.level);

/** Teaching modules represented in a pool, in first-appearance order. */
export function poolModules(pool: QuizData): string[] {
  const out: string[] = [];
  for (const q of pool.questions) {
    const m = moduleOf(q);
    if (m && !NON_TEACHING_MODULES.includes(m) && !out.includes(m)) out.push(m);
  }
  return out;
}

export interface Paper {
  seed: number;
  /** Question ids, in the pool's authored order. */
  ids: string[];
}

/**
 * Draws one paper. Greedy and deterministic: the pool is shuffled with the seed; questions that
 * cover a still-missing module or kind are taken first (preferring apply/analyze), then the rest
 * is filled in shuffled order, reserving enough places for the apply/analyze quota.
 * `modules` defaults to the teaching modules present in the pool.
 */
export function drawPaper(pool: QuizData, seed: number, modules: readonly string[] = poolModules(pool)): Paper {
  const qs = pool.questions;
  const count = Math.min(pool.draw?.count ?? qs.length, qs.length);
  const order = permutation(qs.length, mulberry32(hashSeed(`draw:${seed >>> 0}`)));
  // Per-question facts computed once per draw: at a catalogue's size (hundreds of modules and
  // questions) recomputing them inside the loops below made one draw quadratic (issue 17).
  const moduleOfQ = qs.map((q) => moduleOf(q));
  const higher = qs.map((q) => isHigher(q));
  const taken = new Set<number>();
  let higherTaken = 0;
  const needModules = new Set(modules);
  const needKinds = new Set(qs.map((q) => q.kind));
  const gain = (i: number) => {
    const m = moduleOfQ[i];
    return (m && needModules.has(m) ? 1 : 0) + (needKinds.has(qs[i]!.kind) ? 1 : 0);
  };
  const take = (i: number) => {
    taken.add(i);
    if (higher[i]) higherTaken++;
    const m = moduleOfQ[i];
    if (m) needModules.delete(m);
    needKinds.delete(qs[i]!.kind);
  };
  // 1. Coverage: each step takes the question that covers the most missing strata
  //    (ties: apply/analyze first, then shuffled order).
  while ((needModules.size || needKinds.size) && taken.size < count) {
    let best = -1;
    let bestKey = 0;
    // The highest key any question can have now: once every kind (or every module) is covered, a
    // question gains at most 1. The first question in order with that key is the pick (a later one can
    // only tie), so the scan stops there instead of reading the whole pool at every step: with hundreds
    // of modules that made each draw, and the build's 200-draw check of each pool, slow (issue 17).
    const top = ((needModules.size ? 1 : 0) + (needKinds.size ? 1 : 0)) * 2 + 1;
    for (const i of order) {
      if (taken.has(i)) continue;
      const g = gain(i);
      if (!g) continue;
      const key = g * 2 + (higher[i] ? 1 : 0);
      if (key > bestKey) {
        best = i;
        bestKey = key;
        if (key === top) break;
      }
    }
    if (best < 0) break; // a stratum the pool cannot cover
    take(best);
  }
  // 2. Fill in shuffled order, keeping room for the apply/analyze quota.
  const needHigher = Math.ceil(POOL_HIGHER_MIN * count - 1e-9);
  for (const i of order) {
    if (taken.size >= count) break;
    if (taken.has(i)) continue;
    const left = count - taken.size;
    if (!higher[i] && needHigher - higherTaken >= left) continue;
    take(i);
  }
  // 3. Not enough apply/analyze in the pool: fill with whatever is left.
  for (const i of order) {
    if (taken.size >= count) break;
    if (!taken.has(i)) take(i);
  }
  return { seed: seed >>> 0, ids: [...taken].sort((a, b) => a - b).map((i) => qs[i]!.id) };
}

/** What is wrong with a paper (empty when it is a valid stratified draw). */
export function checkPaper(pool: QuizData, ids: readonly string[], modules: readonly string[] = poolModules(pool)): string[] {
  const problems: string[] = [];
  const byId = new Map(pool.questions.map((q) => [q.id, q]));
  const qs = ids.map((id) => byId.get(id)).filter((q): q is Question => Boolean(q));
  const count = Math.min(pool.draw?.count ?? pool.questions.length, pool.questions.length);
  if (qs.length !== ids.length) problems.push('paper names questions that are not in the pool');
  if (new Set(ids).size !== ids.length) problems.push('paper repeats a question');
  if (ids.length !== count) problems.push(`paper has ${ids.length} questions, expected ${count}`);
  const present = new Set(qs.map((q) => moduleOf(q)));
  for (const m of modules) if (!present.has(m)) problems.push(`no question from module "${m}"`);
  const kinds = new Set(qs.map((q) => q.kind));
  for (const k of new Set(pool.questions.map((q) => q.kind))) if (!kinds.has(k)) problems.push(`no question of kind "${k}"`);
  const higher = qs.filter(isHigher).length;
  if (higher < POOL_HIGHER_MIN * qs.length - 1e-9) problems.push(`only ${higher} of ${qs.length} questions are apply/analyze (need ${Math.round(POOL_HIGHER_MIN * 100)}%)`);
  return problems;
}

/** The quiz a learner answers: the pool restricted to the paper's questions. */
export function paperQuiz(pool: QuizData, ids: readonly string[]): QuizData {
  const want = new Set(ids);
  return { ...pool, questions: pool.questions.filter((q) => want.has(q.id)) };
}

/** A paper is still valid for this pool when every id exists and it has the drawn size. */
export function paperFits(pool: QuizData, ids: readonly string[] | undefined): ids is string[] {
  if (!ids || !pool.draw) return false;
  const known = new Set(pool.questions.map((q) => q.id));
  return ids.length === Math.min(pool.draw.count, pool.questions.length) && new Set(ids).size === ids.length && ids.every((id) => known.has(id));
}
