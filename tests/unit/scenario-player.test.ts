/** Learner-facing scenario logic (issue 16): choice quality, step back, path review, endings found. */
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/lib/quiz/schema';
import { allEndings, choiceQuality, choose, endingsFound, foundAmong, pathReview, replay, startScenario, stepBack, stepMax } from '../../src/lib/quiz/scenario';

const c = (text: string, next: string, points: number, extra: Record<string, unknown> = {}) => ({ text, next, points, feedback: `${text}的后果`, principle: '某原则', ...extra });
const end = (id: string, when?: string) => ({ id, ...(when ? { when } : {}), rating: 'good', title: `结局${id}`, text: '结果如何', debrief: `复盘${id}` });
const sc = scenarioSchema.parse({
  title: '情景',
  intro: '你是秘书',
  start: 'n1',
  variables: { trust: { type: 'number', label: '信任', min: 0, max: 10, initial: 5 }, briefed: { type: 'flag', label: '已报告', initial: false } },
  nodes: {
    n1: { text: '第一步', choices: [c('先报告', 'n2', 3, { effects: { set: { briefed: true }, add: { trust: 2 } } }), c('不报告', 'n2', 0, { effects: { add: { trust: -9 } } })] },
    n2: {
      text: '第二步',
      variants: [{ when: 'briefed', text: '处长记得你提醒过' }],
      // The best choice here is shown only when the learner did not report: what is "best" depends on the state.
      choices: [c('稳妥处理', 'end', 2), c('折中处理', 'end', 1), c('补救处理', 'end', 4, { when: 'not briefed' })],
    },
    end: { endings: [end('good', 'briefed and trust >= 7'), end('mixed', 'trust >= 1'), end('bad')] },
    spare: { endings: [end('other')] },
  },
});

describe('choice quality', () => {
  it('is best at the most points on offer, poor at none, partly right in between', () => {
    expect(choiceQuality(3, 3)).toBe('best');
    expect(choiceQuality(1, 3)).toBe('partial');
    expect(choiceQuality(0, 3)).toBe('poor');
    expect(choiceQuality(0, 0)).toBe('best');
  });
  it('measures the step maximum over the choices shown in that state', () => {
    const reported = choose(sc, startScenario(sc), 0);
    const silent = choose(sc, startScenario(sc), 1);
    expect(stepMax(sc.nodes.n2, reported.vars)).toBe(2);
    expect(stepMax(sc.nodes.n2, silent.vars)).toBe(4);
    expect(stepMax(sc.nodes.end, reported.vars)).toBe(0);
  });
});

describe('step back', () => {
  it('returns the state one decision earlier, with variables and ending recomputed', () => {
    const one = choose(sc, startScenario(sc), 0);
    const done = choose(sc, one, 0);
    expect(done.ended).toBe(true);
    const back = stepBack(sc, done);
    expect(back).toEqual(one);
    expect(back.ended).toBe(false);
    expect(back.ending).toBeUndefined();
    expect(stepBack(sc, back)).toEqual(startScenario(sc));
  });
  it('changes nothing at the start', () => {
    const st = startScenario(sc);
    expect(stepBack(sc, st)).toBe(st);
  });
  it('then allows a different choice than before', () => {
    const done = replay(sc, [1, 1])!;
    const again = choose(sc, stepBack(sc, done), 2);
    expect(again).toMatchObject({ ended: true, score: 4, steps: [{ node: 'n1', choice: 1 }, { node: 'n2', choice: 2 }] });
  });
});

describe('path review', () => {
  it('lists each step in reading order: the situation as shown, the choice, points of the step maximum', () => {
    const r = pathReview(sc, [0, 1]);
    expect(r.map((x) => [x.n, x.situation, x.choice.text, x.points, x.max, x.quality])).toEqual([
      [1, '第一步', '先报告', 3, 3, 'best'],
      [2, '处长记得你提醒过', '折中处理', 1, 2, 'partial'],
    ]);
  });
  it('names the better choice only where there was one, among the choices shown then', () => {
    const reported = pathReview(sc, [0, 1]);
    expect(reported[0]!.better).toBeUndefined();
    expect(reported[1]!.better?.text).toBe('稳妥处理');
    const silent = pathReview(sc, [1, 0]);
    expect(silent[0]!.better?.text).toBe('先报告');
    expect(silent[0]!.quality).toBe('poor');
    expect(silent[1]!.better?.text).toBe('补救处理');
  });
  it('stops at a choice that is not allowed', () => {
    expect(pathReview(sc, [0, 2])).toHaveLength(1);
    expect(pathReview(sc, [])).toEqual([]);
  });
});

describe('endings found', () => {
  it('names the endings reached in authored order and only counts the rest', () => {
    expect(allEndings(sc).map((e) => e.id)).toEqual(['good', 'mixed', 'bad', 'other']);
    const r = endingsFound(sc, ['bad', 'good', 'bad']);
    expect(r.found.map((e) => e.title)).toEqual(['结局good', '结局bad']);
    expect(r).toMatchObject({ remaining: 2, total: 4 });
  });
  it('ignores ids that are not endings of this scenario (old or corrupted progress)', () => {
    expect(endingsFound(sc, ['end', 'nope'])).toMatchObject({ found: [], remaining: 4, total: 4 });
  });
});

describe('found among a list of ids and titles (cases index)', () => {
  it('keeps the list order and counts the rest', () => {
    const list = [{ id: 'a', title: '甲' }, { id: 'b', title: '乙' }, { id: 'c', title: '丙' }];
    expect(foundAmong(list, ['c', 'a'])).toEqual({ found: [list[0], list[2]], remaining: 1, total: 3 });
    expect(foundAmong(list, [])).toEqual({ found: [], remaining: 3, total: 3 });
  });
});
