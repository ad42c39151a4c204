import { describe, expect, it } from 'vitest';
import { evalCondition, holds, isConditionError, parseCondition } from '../../src/lib/quiz/condition';
import { scenarioSchema, quizSchema } from '../../src/lib/quiz/schema';
import { applyEffects, choose, debriefParagraphs, findEnding, nodeText, replay, startScenario, visibleChoices } from '../../src/lib/quiz/scenario';
import { analyzeScenario } from '../../src/lib/quiz/validate';
import { correctAnswer, initialAnswer, layoutQuiz, scoreQuestion } from '../../src/lib/quiz/engine';

describe('condition parser', () => {
  const vars = { briefed: true, late: false, trust: 6 };
  it('reads flags, negation, comparisons, and/or with and binding tighter, parentheses', () => {
    expect(holds('briefed', vars)).toBe(true);
    expect(holds('not briefed', vars)).toBe(false);
    expect(holds('trust >= 6', vars)).toBe(true);
    expect(holds('trust > 6', vars)).toBe(false);
    expect(holds('trust == 6 and not late', vars)).toBe(true);
    expect(holds('trust != 6', vars)).toBe(false);
    expect(holds('trust < 7 and trust <= 6', vars)).toBe(true);
    // and binds tighter: late or (briefed and trust < 4) → false; (late or briefed) and trust < 4 → false; late or briefed and trust >= 4 → true
    expect(holds('late or briefed and trust < 4', vars)).toBe(false);
    expect(holds('briefed or late and trust < 4', vars)).toBe(true);
    expect(holds('(briefed or late) and trust < 4', vars)).toBe(false);
    expect(holds('not (late or trust < 4)', vars)).toBe(true);
    expect(holds(undefined, vars)).toBe(true);
    expect(holds('trust >= -1', vars)).toBe(true);
  });
  it('parses to a tree', () => {
    expect(parseCondition('a or b and c')).toEqual({
      type: 'or',
      left: { type: 'flag', name: 'a' },
      right: { type: 'and', left: { type: 'flag', name: 'b' }, right: { type: 'flag', name: 'c' } },
    });
    expect(evalCondition(parseCondition('x >= 2'), { x: 2 })).toBe(true);
  });
  it('rejects malformed conditions with a message, and reads them as false at run time', () => {
    for (const bad of ['', 'trust >=', 'and briefed', 'briefed and', '(briefed', 'briefed)', 'trust => 3', 'briefed = true', 'trust >= x', 'a b', '分数 > 3']) {
      let err: unknown;
      try {
        parseCondition(bad);
      } catch (e) {
        err = e;
      }
      expect(isConditionError(err), bad).toBe(true);
      expect(String(err), bad).toMatch(/expected .* in "/);
      expect(holds(bad, vars), bad).toBe(false);
    }
  });
});

const c = (next: string, points: number, extra: Record<string, unknown> = {}) => ({ text: `去 ${next} ${JSON.stringify(extra)}`, next, points, feedback: '后果如何', principle: '某原则', ...extra });
const sc = (nodes: Record<string, unknown>, variables: Record<string, unknown> = { trust: { type: 'number', label: '信任', min: 0, max: 10, initial: 5 }, briefed: { type: 'flag', label: '已报告', initial: false } }) =>
  scenarioSchema.parse({ title: '情景', intro: '你是秘书', start: 'n1', variables, nodes });
const end = (id: string, when?: string, extra: Record<string, unknown> = {}) => ({ id, ...(when ? { when } : {}), rating: 'good', title: `结局${id}`, text: '结果如何', debrief: `复盘${id}`, ...extra });

/** A scenario where the ending depends on the first step, not only on the last click. */
const stateful = sc({
  n1: {
    text: '第一步',
    choices: [c('n2', 3, { effects: { set: { briefed: true }, add: { trust: 2 } } }), c('n2', 0, { effects: { add: { trust: -9 } } })],
  },
  n2: {
    text: '第二步',
    variants: [{ when: 'briefed', text: '处长记得你提醒过' }],
    choices: [c('end', 2, { effects: { add: { trust: 9 } } }), c('end', 1), c('end', 0, { when: 'not briefed' })],
  },
  end: {
    endings: [
      end('good', 'briefed and trust >= 7', { debriefIf: [{ when: 'briefed', text: '你在第一步就提醒了处长' }, { when: 'trust >= 10', text: '信任满格' }] }),
      end('mixed', 'trust >= 1'),
      end('bad'),
    ],
  },
});

describe('scenario state machine with variables', () => {
  it('starts from the declared initial values', () => {
    expect(startScenario(stateful)).toMatchObject({ node: 'n1', vars: { trust: 5, briefed: false }, ended: false });
  });
  it('applies set and add, clamping numbers to their range', () => {
    expect(applyEffects(stateful, { trust: 5, briefed: false }, { set: { briefed: true }, add: { trust: 9 } })).toEqual({ trust: 10, briefed: true });
    expect(applyEffects(stateful, { trust: 5, briefed: false }, { add: { trust: -9 } })).toEqual({ trust: 0, briefed: false });
    expect(applyEffects(stateful, { trust: 5, briefed: false }, { set: { trust: 99 } })).toEqual({ trust: 10, briefed: false });
  });
  it('shows choices and text variants on conditions, and refuses a hidden choice', () => {
    const st = choose(stateful, startScenario(stateful), 0);
    expect(st.vars).toEqual({ trust: 7, briefed: true });
    expect(nodeText(stateful.nodes.n2, st.vars)).toBe('处长记得你提醒过');
    expect(visibleChoices(stateful.nodes.n2, st.vars).map((x) => x.index)).toEqual([0, 1]);
    expect(choose(stateful, st, 2)).toBe(st);
    const other = choose(stateful, startScenario(stateful), 1);
    expect(nodeText(stateful.nodes.n2, other.vars)).toBe('第二步');
    expect(visibleChoices(stateful.nodes.n2, other.vars).map((x) => x.index)).toEqual([0, 1, 2]);
  });
  it('picks the first ending whose condition holds, and conditional debrief paragraphs', () => {
    const good = replay(stateful, [0, 0])!;
    expect(good).toMatchObject({ ended: true, ending: 'good', score: 5, vars: { trust: 10, briefed: true } });
    expect(debriefParagraphs(findEnding(stateful, 'good')!, good.vars)).toEqual(['复盘good', '你在第一步就提醒了处长', '信任满格']);
    // Same last click, different first step → different ending.
    expect(replay(stateful, [1, 0])).toMatchObject({ ending: 'mixed', vars: { trust: 9, briefed: false } });
    expect(replay(stateful, [1, 1])).toMatchObject({ ending: 'bad' });
    const plain = replay(stateful, [0, 1])!;
    expect(plain).toMatchObject({ ending: 'good', vars: { trust: 7 } });
    expect(debriefParagraphs(findEnding(stateful, 'good')!, plain.vars)).toEqual(['复盘good', '你在第一步就提醒了处长']);
    expect(replay(stateful, [0, 2])).toBeUndefined();
  });
  it('exploration finds the best path, the score range and every ending', () => {
    const a = analyzeScenario(stateful);
    expect(a.problems).toEqual([]);
    expect([a.bestScore, a.minScore]).toEqual([5, 0]);
    expect(a.bestChoices).toEqual([0, 0]);
    expect(a.bestPath).toEqual(['n1', 'n2', 'end']);
    expect(a.bestEnding).toBe('good');
    expect(a.endings).toEqual(['good', 'mixed', 'bad']);
    expect(a.states).toBeGreaterThan(3);
  });
});

describe('the scenario validator rejects each kind of state defect', () => {
  const problems = (nodes: Record<string, unknown>, variables?: Record<string, unknown>) =>
    analyzeScenario(variables ? sc(nodes, variables) : sc(nodes)).problems.map((p) => `${p.path}: ${p.message}`);
  const two = (next = 'end', extra: Record<string, unknown> = {}) => [c(next, 1, extra), c(next, 0)];
  it('undeclared variables in conditions and effects', () => {
    expect(problems({ n1: { text: 't', choices: two('end', { when: 'ghost' }) }, end: { endings: [end('e')] } }).join('\n')).toMatch(/nodes\.n1\.choices\[0\]\.when: .*undeclared variable "ghost"/);
    expect(problems({ n1: { text: 't', choices: two('end', { effects: { set: { ghost: true } } }) }, end: { endings: [end('e')] } }).join('\n')).toMatch(/effects\.set\.ghost: sets undeclared variable/);
  });
  it('malformed conditions', () => {
    expect(problems({ n1: { text: 't', choices: two() }, end: { endings: [end('e', 'trust >>= 3'), end('f')] } }).join('\n')).toMatch(/endings\[0\] \(id e\)\.when: malformed condition/);
  });
  it('a flag compared with a number, a number used as a flag', () => {
    expect(problems({ n1: { text: 't', variants: [{ when: 'briefed > 1', text: '变体文字' }], choices: two() }, end: { endings: [end('e')] } }).join('\n')).toMatch(/compares flag "briefed" with a number/);
    expect(problems({ n1: { text: 't', choices: two() }, end: { endings: [end('e', 'trust'), end('f')] } }).join('\n')).toMatch(/uses number "trust" as a flag/);
  });
  it('"add" on a flag and an out-of-range or mistyped "set"', () => {
    const p = problems({ n1: { text: 't', choices: [c('end', 1, { effects: { add: { briefed: 1 } } }), c('end', 0, { effects: { set: { trust: 11, briefed: 3 } } })] }, end: { endings: [end('e')] } }).join('\n');
    expect(p).toMatch(/effects\.add\.briefed: "add" on flag "briefed"/);
    expect(p).toMatch(/effects\.set\.trust: sets "trust" to 11, outside its range \[0, 10\]/);
    expect(p).toMatch(/effects\.set\.briefed: flag "briefed" can only be set to true or false/);
  });
  it('an ending entry that no path can reach', () => {
    // briefed is never set, so "good" never holds.
    expect(problems({ n1: { text: 't', choices: two() }, end: { endings: [end('good', 'briefed'), end('rest')] } })).toEqual([
      'nodes.end.endings[0] (id good): ending "good" is reached by no path (an earlier entry always holds first, or its condition never holds here)',
    ]);
    // An unconditional entry before others shadows them.
    expect(problems({ n1: { text: 't', choices: two() }, end: { endings: [end('all'), end('later', 'briefed')] } }).join('\n')).toMatch(/always holds, so the entries after it can never be reached/);
  });
  it('a reachable state where no ending condition holds', () => {
    expect(problems({ n1: { text: 't', choices: [c('end', 1, { effects: { set: { briefed: true } } }), c('end', 0)] }, end: { endings: [end('only', 'briefed')] } })).toEqual([
      'nodes.end.endings: no ending condition holds in a reachable state (trust=5, briefed=false); add a last entry without "when"',
    ]);
  });
  it('a decision point that shows fewer than 2 choices in some reachable state', () => {
    const p = problems({
      n1: { text: 't', choices: [c('n2', 1, { effects: { set: { briefed: true } } }), c('n2', 0)] },
      n2: { text: 'u', choices: [c('end', 1), c('end', 0, { when: 'briefed' })] },
      end: { endings: [end('e')] },
    });
    expect(p).toEqual(['nodes.n2.choices: only 1 choice(s) shown in a reachable state (trust=5, briefed=false); a decision point needs at least 2']);
  });
  it('a node that conditions make unreachable, and a choice never shown', () => {
    const p = problems({
      n1: { text: 't', choices: [c('end', 1), c('end', 0), c('n2', 0, { when: 'briefed' })] },
      n2: { text: 'u', choices: two() },
      end: { endings: [end('e')] },
    });
    expect(p).toContain('nodes.n2: node "n2" is never reached: every choice leading to it is hidden by its condition');
    expect(p).toContain('nodes.n1.choices[2]: choice is never shown: its condition "briefed" holds in no reachable state');
  });
  it('a "复盘：" prefix in ending titles or debriefs (the page adds the label)', () => {
    expect(problems({ n1: { text: 't', choices: two() }, end: { endings: [end('e', undefined, { debrief: '复盘：内容' })] } }).join('\n')).toMatch(/debrief starts with "复盘："/);
  });
  it('duplicate ending ids and bad variable ranges', () => {
    const p = problems(
      { n1: { text: 't', choices: two('e2') }, ...{ e2: { endings: [end('x', 'n >= 1'), end('x')] } } },
      { n: { type: 'number', label: '数', min: 5, max: 1, initial: 9 } },
    ).join('\n');
    expect(p).toMatch(/ending id "x" is also used/);
    expect(p).toMatch(/min 5 is above max 1/);
    expect(p).toMatch(/initial 9 is outside/);
  });
});

describe('judgement items (best and worst response)', () => {
  const quiz = quizSchema.parse({
    title: '测试',
    questions: [
      {
        id: 'j',
        kind: 'judgement',
        level: 'apply',
        prompt: '情境',
        responses: [
          { text: '甲', rank: 'middle', feedback: '一般' },
          { text: '乙', rank: 'best', feedback: '最有效' },
          { text: '丙', rank: 'worst', feedback: '最不妥' },
          { text: '丁', rank: 'middle', feedback: '一般' },
        ],
      },
    ],
  });
  const q = quiz.questions[0]!;
  it('scores 0.5 for the best and 0.5 for the worst', () => {
    expect(scoreQuestion(q, [1, 2])).toMatchObject({ score: 1, status: 'correct', right: 2, total: 2, marks: [null, true, true, null] });
    expect(scoreQuestion(q, [1, 0])).toMatchObject({ score: 0.5, status: 'partial', marks: [false, true, null, null] });
    expect(scoreQuestion(q, [null, 2])).toMatchObject({ score: 0.5, status: 'partial' });
    expect(scoreQuestion(q, [2, 1])).toMatchObject({ score: 0, status: 'wrong' });
    expect(scoreQuestion(q, [null, null])).toMatchObject({ score: 0, status: 'unanswered' });
    expect(scoreQuestion(q, [9, 'x' as never])).toMatchObject({ status: 'unanswered' });
    expect(scoreQuestion(q, correctAnswer(q)).score).toBe(1);
    expect(initialAnswer(q, {})).toEqual([null, null]);
  });
  it('is shown shuffled, deterministically per seed', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const l = layoutQuiz(quiz, seed).j!;
      expect([...l].sort()).toEqual([0, 1, 2, 3]);
      expect(layoutQuiz(quiz, seed).j).toEqual(l);
      seen.add(l.join());
    }
    expect(seen.size).toBeGreaterThan(5);
  });
  it('needs exactly one best and one worst response (validator) and exactly four (schema)', async () => {
    const { validateQuiz } = await import('../../src/lib/quiz/validate');
    const bad = structuredClone(quiz);
    const jq = bad.questions[0]!;
    if (jq.kind === 'judgement') jq.responses[0]!.rank = 'best';
    expect(validateQuiz(bad).map((p) => p.message)).toContain('a judgement item needs exactly one "best" response, found 2');
    expect(() => quizSchema.parse({ title: '测试', questions: [{ id: 'j', kind: 'judgement', level: 'apply', prompt: '情境', responses: [] }] })).toThrow(/exactly 4/);
  });
});
