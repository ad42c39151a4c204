import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/lib/quiz/schema';
import { choose, currentNode, pathOf, startScenario } from '../../src/lib/quiz/scenario';

const c = (next: string, points: number) => ({ text: `去 ${next}`, next, points, feedback: '后果如何', principle: '某原则' });
const end = (title: string) => ({ endings: [{ id: title.replace(/\W/g, '') || 'e', rating: 'good' as const, title, text: '结果如何', debrief: '复盘内容' }] });
const s = scenarioSchema.parse({
  title: '情景',
  intro: '你是秘书',
  start: 'a',
  nodes: {
    a: { text: '第一步', choices: [c('b', 2), c('x', 0)] },
    b: { text: '第二步', choices: [c('y', 3), c('x', 1)] },
    x: end('结局 X'),
    y: end('结局 Y'),
  },
});

describe('scenario state machine', () => {
  it('starts at the start node with no score', () => {
    const st = startScenario(s);
    expect(st).toEqual({ node: 'a', steps: [], score: 0, vars: {}, ended: false });
    expect(currentNode(s, st)?.text).toBe('第一步');
  });
  it('follows choices, adds points, records the path and stops at an ending', () => {
    let st = choose(s, startScenario(s), 0);
    expect(st).toMatchObject({ node: 'b', score: 2, ended: false });
    st = choose(s, st, 0);
    expect(st).toMatchObject({ node: 'y', score: 5, ended: true });
    expect(pathOf(st)).toEqual(['a', 'b', 'y']);
    expect(st.steps.map((x) => x.choice)).toEqual([0, 0]);
  });
  it('ignores invalid moves: out-of-range choices and choosing after the end', () => {
    const st = startScenario(s);
    expect(choose(s, st, 5)).toBe(st);
    expect(choose(s, st, -1)).toBe(st);
    const done = choose(s, st, 1);
    expect(done.ended).toBe(true);
    expect(choose(s, done, 0)).toBe(done);
  });
  it('does not mutate earlier states (restart is just startScenario)', () => {
    const st = startScenario(s);
    choose(s, st, 0);
    expect(st.steps).toEqual([]);
  });
});
