import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioSchema, type ScenarioData } from '../../src/lib/quiz/schema';
import { walkStates } from '../../src/lib/quiz/walk-states';
import { choose, startWalk, walkEnded, walkScore, type WalkState } from '../../src/lib/classroom/scenario';
import { liveScenario, packWalk, statesAlong, unpackWalk, type WalkGraph } from '../../src/lib/classroom/walk-pack';

const scenarios: [string, ScenarioData][] = readdirSync('content/scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, scenarioSchema.parse(parse(readFileSync(`content/scenarios/${f}`, 'utf8')))]);

/** walkStates' graph with its keys renamed as packWalk numbers them: the start 0, then the others in order. */
function relabel(g: WalkGraph): WalkGraph {
  const keys = [g.start, ...Object.keys(g.states).filter((k) => k !== g.start)];
  const to = new Map(keys.map((k, i) => [k, String(i)]));
  const states: Record<string, WalkState> = {};
  for (const k of keys) {
    const st = g.states[k]!;
    states[to.get(k)!] = { ...st, choices: st.choices.map((c) => ({ index: c.index, next: to.get(c.next)! })) };
  }
  return { start: '0', states };
}

describe('live scenario data (walk-pack)', () => {
  it('covers the real scenarios', () => expect(scenarios.length).toBeGreaterThanOrEqual(5));
  for (const [file, s] of scenarios) {
    const names = Object.keys(s.variables ?? {});
    const graph = walkStates(s);
    it(`${file}: unpacking gives every state walkStates made, each text once`, () => {
      const packed = packWalk(graph, names);
      expect(packed.states.length).toBe(Object.keys(graph.states).length);
      expect(new Set(packed.texts).size).toBe(packed.texts.length);
      // Through JSON, as the island gets it.
      expect(unpackWalk(JSON.parse(JSON.stringify(packed)), names)).toEqual(relabel(graph));
    });
    it(`${file}: the trimmed scenario walks like the full one`, () => {
      const live = liveScenario(s);
      expect(JSON.stringify(live).length).toBeLessThan(JSON.stringify(s).length);
      const g = unpackWalk(packWalk(graph, names), names);
      // Every path by always taking the first, then the last shown choice: same nodes, ends and scores.
      for (const pickLast of [false, true]) {
        let full = startWalk(s);
        let trimmed = startWalk(live);
        const taken: number[] = [];
        for (let step = 0; step < 50 && !walkEnded(s, full); step++) {
          const here = statesAlong(g, taken).at(-1)!;
          expect(here.node).toBe(full.at);
          const c = pickLast ? here.choices.at(-1)!.index : here.choices[0]!.index;
          taken.push(c);
          full = choose(s, full, c, []);
          trimmed = choose(live, trimmed, c, []);
          expect(trimmed).toEqual(full);
        }
        expect(walkEnded(live, trimmed)).toBe(true);
        expect(walkScore(live, trimmed)).toBe(walkScore(s, full));
        const end = statesAlong(g, taken).at(-1)!;
        expect(end.ending).toBeTruthy();
        expect(live.nodes[trimmed.at]!.endings!.some((e) => e.id === end.ending)).toBe(true);
      }
    });
  }
  it('refuses a state with a variable that is not declared', () => {
    const g: WalkGraph = { start: 'a', states: { a: { node: 'n', vars: { x: 1 }, text: 't', choices: [] } } };
    expect(() => packWalk(g, [])).toThrow(/undeclared/);
  });
  it('statesAlong stops at a choice that is not shown', () => {
    const g: WalkGraph = {
      start: '0',
      states: { '0': { node: 'a', vars: {}, text: 'A', choices: [{ index: 1, next: '1' }] }, '1': { node: 'b', vars: {}, text: 'B', choices: [] } },
    };
    expect(statesAlong(g, [1]).map((s) => s.node)).toEqual(['a', 'b']);
    expect(statesAlong(g, [0]).map((s) => s.node)).toEqual(['a']);
  });
});
