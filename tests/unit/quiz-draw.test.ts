import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPaper, drawPaper, paperFits, paperQuiz, poolModules } from '../../src/lib/quiz/draw';
import { quizSchema, type QuizData } from '../../src/lib/quiz/schema';

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
