import { describe, expect, it } from 'vitest';
import { choose, pathChoices, scenarioTree, startWalk, undo, walkEnded, walkScore, type WalkScenario } from '../../src/lib/classroom/scenario';

const end = (rating: 'good' | 'bad', title: string) => ({ endings: [{ id: title, rating, title, text: 't', debrief: 'd' }] });
const s: WalkScenario = {
  title: 'S',
  intro: 'i',
  start: 'n1',
  nodes: {
    n1: {
      text: 'first',
      choices: [
        { text: 'a', next: 'n2', points: 3, feedback: 'f' },
        { text: 'b', next: 'bad', points: 0, feedback: 'f' },
      ],
    },
    n2: {
      text: 'second',
      choices: [
        { text: 'c', next: 'good', points: 2, feedback: 'f' },
        { text: 'd', next: 'bad', points: 1, feedback: 'f' },
      ],
    },
    good: end('good', 'G'),
    bad: end('bad', 'B'),
  },
};

describe('scenario walk-through', () => {
  it('follows the majority and records the votes', () => {
    let w = startWalk(s);
    w = choose(s, w, 'majority', [12, 3]);
    expect(w.at).toBe('n2');
    expect(w.steps[0]).toEqual({ node: 'n1', votes: [12, 3], chosen: 0, followedMajority: true });
    w = choose(s, w, 1, [9, 2]);
    expect(w.steps[1]).toMatchObject({ chosen: 1, followedMajority: false });
    expect(walkEnded(s, w)).toBe(true);
    expect(walkScore(s, w)).toBe(4);
  });
  it('refuses a tied or empty majority and invalid choices', () => {
    const w = startWalk(s);
    expect(choose(s, w, 'majority', [4, 4])).toBe(w);
    expect(choose(s, w, 'majority', [])).toBe(w);
    expect(choose(s, w, 5, [1, 0])).toBe(w);
    expect(choose(s, w, -1, [1, 0])).toBe(w);
  });
  it('cannot go on from an ending; undo steps back', () => {
    let w = choose(s, startWalk(s), 1, [0, 1]);
    expect(walkEnded(s, w)).toBe(true);
    expect(choose(s, w, 0, [1])).toBe(w);
    w = undo(w);
    expect(w).toEqual(startWalk(s));
    expect(undo(w)).toBe(w);
  });
  it('turns the best path into choices and lays out the tree', () => {
    expect(pathChoices(s, ['n1', 'n2', 'good'])).toEqual([
      { node: 'n1', choice: 0 },
      { node: 'n2', choice: 0 },
    ]);
    const tree = scenarioTree(s, ['n1', 'n2', 'good']);
    expect(tree.branches.map((b) => b.best)).toEqual([true, false]);
    expect(tree.branches[0]!.child.branches.map((b) => b.child.endings?.[0]?.title)).toEqual(['G', 'B']);
    expect(tree.branches[1]!.child.endings?.[0]?.title).toBe('B');
    expect([tree.number, tree.branches[0]!.child.number]).toEqual([1, 2]);
  });
  it('writes a shared decision point out once and refers to it afterwards', () => {
    const shared: WalkScenario = {
      ...s,
      nodes: {
        n1: { text: 'first', choices: [{ text: 'a', next: 'n2', points: 1, feedback: 'f' }, { text: 'b', next: 'n3', points: 0, feedback: 'f' }] },
        n2: { text: 'via a', choices: [{ text: 'c', next: 'n3', points: 1, feedback: 'f' }, { text: 'e', next: 'bad', points: 0, feedback: 'f' }] },
        n3: { text: 'shared', choices: [{ text: 'g', next: 'good', points: 1, feedback: 'f' }, { text: 'h', next: 'bad', points: 0, feedback: 'f' }] },
        good: end('good', 'G'),
        bad: end('bad', 'B'),
      },
    };
    const tree = scenarioTree(shared);
    const viaA = tree.branches[0]!.child.branches[0]!.child;
    expect(viaA).toMatchObject({ id: 'n3', number: 3 });
    expect(viaA.seeAbove).toBeUndefined();
    expect(viaA.branches).toHaveLength(2);
    expect(tree.branches[1]!.child).toMatchObject({ id: 'n3', number: 3, seeAbove: true, branches: [] });
  });
  it('survives a broken graph', () => {
    const broken: WalkScenario = { ...s, nodes: { n1: { text: 'x', choices: [{ text: 'a', next: 'n1', points: 0, feedback: 'f' }, { text: 'b', next: 'nowhere', points: 0, feedback: 'f' }] } } };
    const tree = scenarioTree(broken);
    expect(tree.branches[0]!.child.truncated).toBe(true);
    expect(tree.branches[1]!.child.truncated).toBe(true);
    expect(scenarioTree({ ...s, start: 'nowhere' }).truncated).toBe(true);
    expect(walkEnded(broken, { steps: [], at: 'nowhere' })).toBe(true);
  });
});
