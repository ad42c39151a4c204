/** Shuffled option order in the live quiz (issue 16): letters and answers follow the new order. */
import { describe, expect, it } from 'vitest';
import { canShuffle, identityOrder, liveAnswer, reshuffle, toLiveQuestion, type AnyQuestion } from '../../src/lib/classroom/quiz';

const single: AnyQuestion = {
  kind: 'multiple',
  id: 'q1',
  prompt: '哪些做法对？',
  options: [
    { text: '甲做法', correct: true, feedback: '对' },
    { text: '乙做法', correct: false, feedback: '错' },
    { text: '丙做法', correct: true, feedback: '对' },
    { text: '丁做法', correct: false, feedback: '错' },
  ],
};
const judge: AnyQuestion = {
  kind: 'judgement',
  id: 'q2',
  prompt: '怎么回应最好？',
  responses: [
    { text: '回应一', rank: 'best', feedback: '好' },
    { text: '回应二', rank: 'middle', feedback: '中' },
    { text: '回应三', rank: 'worst', feedback: '差' },
  ],
};

describe('reshuffle', () => {
  it('is a permutation of the current order and never the same order', () => {
    let order = identityOrder(4);
    for (let seed = 1; seed < 60; seed++) {
      const next = reshuffle(order, seed);
      expect([...next].sort()).toEqual([0, 1, 2, 3]);
      expect(next).not.toEqual(order);
      order = next;
    }
    expect(reshuffle([0], 7)).toEqual([0]);
  });
  it('is deterministic for a seed', () => {
    expect(reshuffle(identityOrder(5), 42)).toEqual(reshuffle(identityOrder(5), 42));
  });
});

describe('liveAnswer', () => {
  it('matches the built answer in the built order', () => {
    for (const q of [single, judge]) {
      const live = toLiveQuestion(q, 'seed');
      expect(liveAnswer(live, identityOrder(live.options.length))).toEqual(live.answer);
    }
  });
  it('letters follow the display positions after a shuffle', () => {
    const live = toLiveQuestion(single, 'seed');
    // Display: 丁 乙 丙 甲 → correct ones are C (丙) and D (甲), listed in display order.
    expect(liveAnswer(live, [3, 1, 2, 0])).toEqual(['C. 丙做法', 'D. 甲做法']);
    const lj = toLiveQuestion(judge, 'seed');
    const order = [lj.worst[0]!, lj.correct[0]!, ...identityOrder(3).filter((i) => i !== lj.worst[0] && i !== lj.correct[0])];
    expect(liveAnswer(lj, order)).toEqual(['最有效：B. 回应一', '最不妥：A. 回应三']);
  });
  it('shuffles choice questions only', () => {
    expect(canShuffle({ kind: 'single' })).toBe(true);
    expect(canShuffle({ kind: 'judgement' })).toBe(true);
    expect(canShuffle({ kind: 'truefalse' })).toBe(false);
    expect(canShuffle({ kind: 'ordering' })).toBe(false);
  });
});
