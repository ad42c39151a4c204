import { describe, expect, it } from 'vitest';
import { quizSchema } from '../../src/lib/quiz/schema';
import {
  correctAnswer,
  formatScore,
  initialAnswers,
  isAnswered,
  layoutQuiz,
  moveItem,
  scoreQuestion,
  scoreQuiz,
} from '../../src/lib/quiz/engine';
import { hashSeed, mixedPermutation, mulberry32, parseSeed, permutation } from '../../src/lib/quiz/prng';

const quiz = quizSchema.parse({
  title: '测试练习',
  passingScore: 0.6,
  questions: [
    {
      id: 's',
      kind: 'single', level: 'apply',
      prompt: '单选题',
      options: [
        { text: 'A', feedback: '错的' },
        { text: 'B', correct: true, feedback: '对的' },
        { text: 'C', feedback: '错的' },
        { text: 'D', feedback: '错的' },
      ],
    },
    { id: 't', kind: 'truefalse', level: 'apply', prompt: '判断题', answer: false, feedbackTrue: '不对', feedbackFalse: '对了' },
    {
      id: 'm',
      kind: 'multiple', level: 'apply',
      scoring: 'partial',
      prompt: '多选题',
      options: [
        { text: 'A', correct: true, feedback: '对的' },
        { text: 'B', correct: true, feedback: '对的' },
        { text: 'C', feedback: '错的' },
        { text: 'D', feedback: '错的' },
      ],
    },
    {
      id: 'o',
      kind: 'ordering', level: 'apply',
      prompt: '排序题',
      items: [
        { text: '一', feedback: '第一' },
        { text: '二', feedback: '第二' },
        { text: '三', feedback: '第三' },
      ],
    },
    {
      id: 'p',
      kind: 'matching', level: 'apply',
      prompt: '匹配题',
      pairs: [
        { left: '甲', right: '1', feedback: '甲1' },
        { left: '乙', right: '2', feedback: '乙2' },
        { left: '丙', right: '3', feedback: '丙3' },
      ],
    },
  ],
});
const byId = (id: string) => quiz.questions.find((q) => q.id === id)!;

describe('prng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
  it('permutes without losing or repeating elements', () => {
    for (let seed = 0; seed < 50; seed++) {
      const p = permutation(7, mulberry32(seed));
      expect([...p].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });
  it('never returns the identity for ordering questions', () => {
    for (let seed = 0; seed < 500; seed++) {
      const p = mixedPermutation(2, mulberry32(seed));
      expect(p).toEqual([1, 0]);
      const q = mixedPermutation(3, mulberry32(seed));
      expect(q).not.toEqual([0, 1, 2]);
    }
  });
  it('reads seeds from query values', () => {
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed('abc')).toBe(hashSeed('abc'));
    expect(parseSeed('')).toBeUndefined();
    expect(parseSeed(null)).toBeUndefined();
  });
});

describe('layoutQuiz', () => {
  it('is the same for the same seed, and varies with the seed', () => {
    expect(layoutQuiz(quiz, 1)).toEqual(layoutQuiz(quiz, 1));
    const orders = new Set(Array.from({ length: 20 }, (_, s) => layoutQuiz(quiz, s).s!.join()));
    expect(orders.size).toBeGreaterThan(1);
  });
  it('never shuffles true/false, and respects shuffle: false for choice questions', () => {
    for (let s = 0; s < 20; s++) expect(layoutQuiz(quiz, s).t).toEqual([0, 1]);
    const fixed = { ...quiz, shuffle: false };
    for (let s = 0; s < 20; s++) {
      expect(layoutQuiz(fixed, s).s).toEqual([0, 1, 2, 3]);
      // ordering is always mixed: its authored order is the answer
      expect(layoutQuiz(fixed, s).o).not.toEqual([0, 1, 2]);
    }
  });
  it('starts ordering answers as the shown order and the rest empty', () => {
    const l = layoutQuiz(quiz, 5);
    const a = initialAnswers(quiz, l);
    expect(a.o).toEqual(l.o);
    expect(a.s).toBeNull();
    expect(a.m).toEqual([]);
    expect(a.p).toEqual([null, null, null]);
  });
});

describe('scoreQuestion', () => {
  it('single and true/false', () => {
    expect(scoreQuestion(byId('s'), 1)).toMatchObject({ score: 1, status: 'correct', marks: [null, true, null, null] });
    expect(scoreQuestion(byId('s'), 0)).toMatchObject({ score: 0, status: 'wrong', marks: [false, null, null, null] });
    expect(scoreQuestion(byId('s'), null).status).toBe('unanswered');
    expect(scoreQuestion(byId('t'), false)).toMatchObject({ score: 1, status: 'correct', marks: [null, true] });
    expect(scoreQuestion(byId('t'), true)).toMatchObject({ score: 0, status: 'wrong', marks: [false, null] });
  });
  it('multiple, partial: a share per right pick, minus a share per wrong pick, floor 0', () => {
    const m = byId('m');
    expect(scoreQuestion(m, [0, 1])).toMatchObject({ score: 1, status: 'correct', right: 4, total: 4 });
    expect(scoreQuestion(m, [0])).toMatchObject({ score: 0.5, status: 'partial', right: 3, total: 4 });
    // one right pick cancelled by one wrong pick: no points, but partly right
    expect(scoreQuestion(m, [0, 2])).toMatchObject({ score: 0, status: 'partial', right: 2 });
    expect(scoreQuestion(m, [2, 3])).toMatchObject({ score: 0, status: 'wrong' });
    expect(scoreQuestion(m, [0, 1, 2]).score).toBeCloseTo(0.5);
  });
  it('multiple, all-or-nothing (the default)', () => {
    const m = { ...byId('m'), scoring: 'all-or-nothing' as const } as ReturnType<typeof byId>;
    expect(scoreQuestion(m, [0]).score).toBe(0);
    expect(scoreQuestion(m, [1, 0]).score).toBe(1);
  });
  it('ordering and matching score 1 only when entirely right, counting right parts', () => {
    expect(scoreQuestion(byId('o'), [0, 1, 2])).toMatchObject({ score: 1, status: 'correct', right: 3 });
    expect(scoreQuestion(byId('o'), [0, 2, 1])).toMatchObject({ score: 0, status: 'partial', right: 1, marks: [true, false, false] });
    expect(scoreQuestion(byId('p'), [0, 1, 2])).toMatchObject({ score: 1, status: 'correct' });
    expect(scoreQuestion(byId('p'), [1, null, 2])).toMatchObject({ score: 0, status: 'partial', right: 1, marks: [false, null, true] });
    expect(scoreQuestion(byId('p'), [null, null, null]).status).toBe('unanswered');
  });
  it('treats malformed answers as unanswered and never throws', () => {
    // Values no control of that kind can produce (e.g. corrupted saved progress), per kind.
    const junk: unknown[] = [undefined, null, 'x', 99, -1, 1.5, Number.NaN, { a: 1 }, [99, 'x'], [-1, 1.5]];
    const junkFor: Record<string, unknown[]> = {
      single: [...junk, true, [1], '1'],
      truefalse: [...junk, 0, 1, 'true', [true]],
      multiple: [...junk, true, 1],
      ordering: [...junk, [0, 0, 0], [0, 1], [0, 1, 2, 3], [2, 1, '0'], true],
      matching: [...junk, [99, -1, 'x'], true, 1],
    };
    for (const q of quiz.questions) {
      const cases = junkFor[q.kind]!;
      expect(cases.length).toBeGreaterThan(5);
      for (const j of cases) {
        const r = scoreQuestion(q, j as never);
        expect({ q: q.id, j, status: r.status, score: r.score }).toEqual({ q: q.id, j, status: 'unanswered', score: 0 });
        expect(r.marks.every((m) => m === null), `${q.id} ${JSON.stringify(j)}: no option marked`).toBe(true);
      }
    }
  });
  it('correctAnswer scores full marks for every kind', () => {
    for (const q of quiz.questions) expect(scoreQuestion(q, correctAnswer(q)).score).toBe(1);
  });
  it('isAnswered: ordering always counts', () => {
    expect(isAnswered(byId('o'), undefined)).toBe(true);
    expect(isAnswered(byId('s'), null)).toBe(false);
  });
});

describe('scoreQuiz', () => {
  it('sums points and applies the passing score', () => {
    const all = Object.fromEntries(quiz.questions.map((q) => [q.id, correctAnswer(q)]));
    expect(scoreQuiz(quiz, all)).toMatchObject({ score: 5, max: 5, passed: true, ratio: 1 });
    const three = { ...all, o: [1, 0, 2], p: [null, null, null] };
    expect(scoreQuiz(quiz, three)).toMatchObject({ score: 3, passed: true });
    const half = { ...three, m: [0] };
    const r = scoreQuiz(quiz, half);
    expect(r.score).toBe(2.5);
    expect(r.passed).toBe(false);
    expect(r.results.m!.status).toBe('partial');
    expect(scoreQuiz(quiz, {})).toMatchObject({ score: 0, passed: false });
  });
});

describe('helpers', () => {
  it('moveItem moves one step and ignores moves off the ends', () => {
    expect(moveItem([1, 2, 3], 1, -1)).toEqual([2, 1, 3]);
    expect(moveItem([1, 2, 3], 1, 1)).toEqual([1, 3, 2]);
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });
  it('formatScore keeps one decimal at most', () => {
    expect(formatScore(4)).toBe('4');
    expect(formatScore(3.5)).toBe('3.5');
    expect(formatScore(2.3333)).toBe('2.3');
  });
});
