import { describe, expect, it } from 'vitest';
import { quizSchema, scenarioSchema } from '../../src/lib/quiz/schema';
import { analyzeScenario, validateQuiz } from '../../src/lib/quiz/validate';

const opt = (text: string, correct = false) => ({ text, correct, feedback: '说明' });
const quiz = (questions: Record<string, unknown>[]) => quizSchema.parse({ title: '测试', questions: questions.map((q) => ({ level: 'apply', ...q })) });
const messages = (q: ReturnType<typeof quiz>) => validateQuiz(q).map((p) => `${p.path}: ${p.message}`);

describe('validateQuiz names the question and the problem', () => {
  it('single choice with not exactly one correct option', () => {
    expect(messages(quiz([{ id: 'q1', kind: 'single', prompt: '题目', options: [opt('A', true), opt('B', true)] }]))).toEqual([
      'questions[0] (id q1): single choice needs exactly one correct option, found 2',
    ]);
    expect(messages(quiz([{ id: 'q1', kind: 'single', prompt: '题目', options: [opt('A'), opt('B')] }]))[0]).toMatch(/found 0/);
  });
  it('multiple choice with no correct option', () => {
    expect(messages(quiz([{ id: 'q1', kind: 'multiple', prompt: '题目', options: [opt('A'), opt('B')] }]))[0]).toMatch(/at least one correct/);
  });
  it('duplicate question ids', () => {
    const q = { id: 'dup', kind: 'truefalse', prompt: '题目', answer: true, feedbackTrue: '对的', feedbackFalse: '错的' };
    expect(messages(quiz([q, q]))).toEqual(['questions[1] (id dup): duplicate question id "dup"']);
  });
  it('ordering items that cannot be scored (identical steps)', () => {
    const items = [
      { text: '自查', feedback: '说明' },
      { text: '自查', feedback: '说明' },
    ];
    expect(messages(quiz([{ id: 'o', kind: 'ordering', prompt: '排序', items }]))[0]).toMatch(/questions\[0\] \(id o\): duplicate ordering item "自查"/);
  });
  it('matching pairs that cannot be scored (same right item twice)', () => {
    const pairs = [
      { left: '甲', right: '原则', feedback: '说明' },
      { left: '乙', right: '原则', feedback: '说明' },
    ];
    expect(messages(quiz([{ id: 'm', kind: 'matching', prompt: '匹配', pairs }]))[0]).toMatch(/duplicate matching right item "原则"/);
  });
  it('accepts a sound quiz', () => {
    expect(messages(quiz([{ id: 'q1', kind: 'single', prompt: '题目', options: [opt('A', true), opt('B')] }]))).toEqual([]);
  });
});

const choice = (next: string, points = 1) => ({ text: `去 ${next}`, next, points, feedback: '发生了什么', principle: '某原则' });
const end = (rating: 'good' | 'mixed' | 'bad', id = `end-${rating}`) => ({ endings: [{ id, rating, title: `结局${rating}`, text: '结果如何', debrief: '复盘内容' }] });
const scenario = (nodes: Record<string, unknown>, start = 'n1') => scenarioSchema.parse({ title: '情景', intro: '你是秘书', start, nodes });

describe('analyzeScenario', () => {
  const good = scenario({
    n1: { text: '开始', choices: [choice('n2', 2), choice('n3', 0)] },
    n2: { text: '第二步', choices: [choice('e1', 3), choice('e2', 1)] },
    n3: { text: '第三步', choices: [choice('e2', 1), choice('e3', 0)] },
    e1: end('good', 'e1'),
    e2: end('mixed', 'e2'),
    e3: end('bad', 'e3'),
  });
  it('computes the best score, a best path, depth and endings', () => {
    const a = analyzeScenario(good);
    expect(a.problems).toEqual([]);
    expect(a.bestScore).toBe(5);
    expect(a.bestPath).toEqual(['n1', 'n2', 'e1']);
    expect(a.maxDepth).toBe(2);
    expect(a.endings.sort()).toEqual(['e1', 'e2', 'e3']);
  });
  it('missing start node', () => {
    const a = analyzeScenario(scenario({ e1: end('good') }, 'nope'));
    expect(a.problems).toEqual([{ path: 'start', message: 'start node "nope" does not exist' }]);
  });
  it('a choice pointing at a missing node', () => {
    const a = analyzeScenario(scenario({ n1: { text: '开始', choices: [choice('e1'), choice('ghost')] }, e1: end('good') }));
    expect(a.problems).toContainEqual({ path: 'nodes.n1.choices[1].next', message: 'choice points at missing node "ghost"' });
  });
  it('unreachable nodes', () => {
    const a = analyzeScenario(scenario({ n1: { text: '开始', choices: [choice('e1'), choice('e1')] }, lost: { text: '孤岛', choices: [choice('e1'), choice('e1')] }, e1: end('good') }));
    expect(a.problems).toContainEqual({ path: 'nodes.lost', message: 'node "lost" is unreachable from start "n1"' });
  });
  it('a cycle (a path that never reaches an ending)', () => {
    const a = analyzeScenario(
      scenario({ n1: { text: '开始', choices: [choice('n2'), choice('e1')] }, n2: { text: '绕回去', choices: [choice('n1'), choice('e1')] }, e1: end('good') }),
    );
    expect(a.problems.map((p) => p.message)).toContain('cycle: n1 → n2 → n1');
    expect(a.bestScore).toBe(0);
  });
  it('no ending at all', () => {
    const a = analyzeScenario(scenario({ n1: { text: '开始', choices: [choice('n2'), choice('n2')] }, n2: { text: '又一步', choices: [choice('n1'), choice('n1')] } }));
    expect(a.problems.map((p) => p.message)).toContain('the scenario has no terminal node (a node with "endings")');
  });
  it('the schema rejects a node that is both a decision and an ending, or has too few choices', () => {
    expect(() => scenario({ n1: { text: '开始', choices: [choice('e1'), choice('e1')], ...end('good') }, e1: end('good') })).toThrow(/either \\"choices\\"/);
    expect(() => scenario({ n1: { text: '开始', choices: [choice('e1')] }, e1: end('good') })).toThrow();
  });
});
