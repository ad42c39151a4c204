import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPaper, drawPaper, paperFits, paperQuiz, poolModules } from '../../src/lib/quiz/draw';
import { quizSchema, type QuizData } from '../../src/lib/quiz/schema';
import { hashSeed, mulberry32, permutation } from '../../src/lib/quiz/prng';
import { HIGHER_LEVELS } from '../../src/lib/quiz/constants';

const MODULES = ['understanding', 'principles', 'relationships', 'methods', 'ability', 'cases'];
const KINDS = ['single', 'multiple', 'truefalse', 'ordering', 'matching', 'judgement'] as const;

/** A synthetic pool: `perModule` questions per module, kinds cycling, `higher` share apply/analyze. */
function pool(perModule = 10, higher = 0.65, count = 25, kindsOf = (i: number) => KINDS[i % KINDS.length]!): QuizData {
  const questions = MODULES.flatMap((m, mi) =>
    Array.from({ length: perModule }, (_, i) => {
      const n = mi * perModule + i;
      const kind = kindsOf(n);
      const level = (n * 37) % 100 < higher * 100 ? 'apply' : 'remember';
      const base = { id: `${m}-${i}`, level, prompt: '题目', ref: `${m}/lesson-${i % 3}` };
      switch (kind) {
        case 'single':
        case 'multiple':
          return { ...base, kind, options: [{ text: 'A', correct: true, feedback: '说明' }, { text: 'B', feedback: '说明' }] };
        case 'truefalse':
          return { ...base, kind, answer: true, feedbackTrue: '说明', feedbackFalse: '说明' };
        case 'ordering':
          return { ...base, kind, items: [{ text: '一', feedback: '说明' }, { text: '二', feedback: '说明' }] };
        case 'matching':
          return { ...base, kind, pairs: [{ left: '甲', right: '1', feedback: '说明' }, { left: '乙', right: '2', feedback: '说明' }] };
        case 'judgement':
          return { ...base, kind, responses: (['best', 'worst', 'middle', 'middle'] as const).map((rank, k) => ({ text: `应对${k}`, rank, feedback: '说明' })) };
      }
    }),
  );
  return quizSchema.parse({ title: '结业测评', passingScore: 0.8, draw: { count }, questions });
}

describe('final-assessment draw', () => {
  const p = pool();
  it('is stratified for 1,000 seeds: every module, every kind, ≥ 60% apply/analyze, count from draw.count', () => {
    expect(poolModules(p)).toEqual(MODULES);
    for (let seed = 0; seed < 1000; seed++) {
      const paper = drawPaper(p, seed);
      expect(paper.ids).toHaveLength(25);
      expect(checkPaper(p, paper.ids), `seed ${seed}`).toEqual([]);
    }
  });
  it('gives the same paper for the same seed, and different papers for different seeds', () => {
    expect(drawPaper(p, 42)).toEqual(drawPaper(p, 42));
    const papers = new Set(Array.from({ length: 100 }, (_, s) => drawPaper(p, s).ids.join()));
    expect(papers.size).toBeGreaterThan(95);
    // Every question of the pool appears on some paper.
    const seen = new Set(Array.from({ length: 200 }, (_, s) => drawPaper(p, s).ids).flat());
    expect(seen.size).toBe(p.questions.length);
  });
  it('holds on a skewed pool: a rare kind, few apply/analyze in some modules', () => {
    const skewed = pool(10, 0.62, 25, (i) => (i === 7 || i === 31 ? 'judgement' : KINDS[i % 5]!));
    for (let seed = 0; seed < 1000; seed++) expect(checkPaper(skewed, drawPaper(skewed, seed).ids), `seed ${seed}`).toEqual([]);
  });
  it('checkPaper names what is wrong with a paper', () => {
    const ids = p.questions.filter((q) => !q.id.startsWith('cases')).slice(0, 25).map((q) => q.id);
    expect(checkPaper(p, ids)).toContain('no question from module "cases"');
    expect(checkPaper(p, ids.slice(0, 24))).toContain('paper has 24 questions, expected 25');
    const low = p.questions.filter((q) => q.level === 'remember').map((q) => q.id);
    expect(checkPaper(p, low.slice(0, 25)).join()).toMatch(/apply\/analyze/);
  });
  it('restricts the pool to a paper and checks that a saved paper still fits the pool', () => {
    const paper = drawPaper(p, 7);
    const q = paperQuiz(p, paper.ids);
    expect(q.questions.map((x) => x.id)).toEqual(paper.ids);
    expect(paperFits(p, paper.ids)).toBe(true);
    expect(paperFits(p, [...paper.ids.slice(1), 'gone'])).toBe(false);
    expect(paperFits(p, paper.ids.slice(1))).toBe(false);
    expect(paperFits(p, undefined)).toBe(false);
  });
});

describe('the course final assessment', () => {
  const data = quizSchema.parse(parse(readFileSync('content/quizzes/final-assessment.yaml', 'utf8')));
  it('is a pool whose draw is stratified for 1,000 seeds', () => {
    expect(data.draw, 'final-assessment.yaml needs draw.count').toBeTruthy();
    for (let seed = 0; seed < 1000; seed++) expect(checkPaper(data, drawPaper(data, seed).ids), `seed ${seed}`).toEqual([]);
  });
});

/**
 * The draw as first written: the coverage step reads the whole pool unless a question covers a missing
 * module and a missing kind at apply/analyze level. drawPaper stops earlier (at the highest key still
 * possible); a learner's saved seed must still give the same paper, so both must agree on every pool.
 */
function referenceDraw(pool: QuizData, seed: number, modules: readonly string[] = poolModules(pool)): string[] {
  const qs = pool.questions;
  const count = Math.min(pool.draw?.count ?? qs.length, qs.length);
  const order = permutation(qs.length, mulberry32(hashSeed(`draw:${seed >>> 0}`)));
  const mods = qs.map((q) => q.ref?.split('/')[0]);
  const highers = qs.map((q) => HIGHER_LEVELS.includes(q.level));
  const mod = (i: number) => mods[i];
  const higher = (i: number) => highers[i]!;
  const taken = new Set<number>();
  let higherTaken = 0;
  const needModules = new Set(modules);
  const needKinds = new Set(qs.map((q) => q.kind));
  const take = (i: number) => {
    taken.add(i);
    if (higher(i)) higherTaken++;
    needModules.delete(mod(i)!);
    needKinds.delete(qs[i]!.kind);
  };
  while ((needModules.size || needKinds.size) && taken.size < count) {
    let best = -1;
    let bestKey = 0;
    for (const i of order) {
      if (taken.has(i)) continue;
      const g = (needModules.has(mod(i)!) ? 1 : 0) + (needKinds.has(qs[i]!.kind) ? 1 : 0);
      if (!g) continue;
      const key = g * 2 + (higher(i) ? 1 : 0);
      if (key > bestKey) {
        best = i;
        bestKey = key;
        if (key === 5) break;
      }
    }
    if (best < 0) break;
    take(best);
  }
  const needHigher = Math.ceil(0.6 * count - 1e-9);
  for (const i of order) {
    if (taken.size >= count) break;
    if (taken.has(i)) continue;
    if (!higher(i) && needHigher - higherTaken >= count - taken.size) continue;
    take(i);
  }
  for (const i of order) {
    if (taken.size >= count) break;
    if (!taken.has(i)) take(i);
  }
  return [...taken].sort((a, b) => a - b).map((i) => qs[i]!.id);
}

describe('the draw stops its coverage scan early without changing any paper', () => {
  /** Random pools of many shapes: a few to hundreds of modules, kinds rare or missing, small and large counts. */
  function randomPool(r: () => number): QuizData {
    const modules = 1 + Math.floor(r() * (r() < 0.3 ? 300 : 12));
    const kinds = KINDS.slice(0, 1 + Math.floor(r() * KINDS.length));
    const n = modules + Math.floor(r() * modules * 4) + 5;
    const higher = r();
    const base = pool(1); // one valid question of each shape to copy
    const shapes = new Map(base.questions.map((q) => [q.kind, q]));
    const questions = Array.from({ length: n }, (_, i) => {
      const kind = r() < 0.1 ? kinds[0]! : kinds[Math.floor(r() * kinds.length)]!;
      const shape = shapes.get(kind) ?? base.questions[0]!;
      return { ...shape, id: `q${i}`, level: r() < higher ? 'apply' : 'remember', ref: `m${Math.floor(r() * modules)}/l` };
    });
    return quizSchema.parse({ title: '测评', passingScore: 0.8, draw: { count: 1 + Math.floor(r() * Math.min(n, modules + 20)) }, questions });
  }
  it('gives the reference paper on 100 random pools × 8 seeds', () => {
    const r = mulberry32(20261202);
    let early = 0;
    for (let k = 0; k < 100; k++) {
      const p = randomPool(r);
      for (let seed = 0; seed < 8; seed++) {
        expect(drawPaper(p, seed).ids, `pool ${k}, seed ${seed}`).toEqual(referenceDraw(p, seed));
      }
      if (poolModules(p).length > 50) early++;
    }
    expect(early, 'some pools have hundreds of modules').toBeGreaterThan(10);
  });
});
