/**
 * Build time: every reachable (node, variables) state of a scenario with what the class sees
 * there (src/lib/classroom/scenario.ts WalkState). The live walk-through steps through this map,
 * so the condition engine does not ship to the classroom island.
 */
import type { WalkState } from '../classroom/scenario.ts';
import { applyEffects, debriefParagraphs, endingFor, initialVars, nodeText, visibleChoices, type VarState } from './scenario.ts';
import type { ScenarioData } from './schema.ts';

export const stateKey = (s: ScenarioData, node: string, vars: VarState): string =>
  [node, ...Object.keys(s.variables ?? {}).map((k) => String(vars[k]))].join('|');

export function walkStates(s: ScenarioData): { start: string; states: Record<string, WalkState> } {
  const states: Record<string, WalkState> = {};
  const visit = (node: string, vars: VarState): string => {
    const key = stateKey(s, node, vars);
    if (states[key]) return key;
    const n = s.nodes[node];
    const st: WalkState = { node, vars, text: nodeText(n, vars), choices: [] };
    states[key] = st;
    const ending = n?.endings ? endingFor(n, vars) : undefined;
    if (ending) {
      st.ending = ending.id;
      st.debrief = debriefParagraphs(ending, vars);
    }
    for (const { choice, index } of visibleChoices(n, vars)) st.choices.push({ index, next: visit(choice.next, applyEffects(s, vars, choice.effects)) });
    return key;
  };
  return { start: visit(s.start, initialVars(s)), states };
}
