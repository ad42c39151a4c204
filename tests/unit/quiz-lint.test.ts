import { describe, expect, it } from 'vitest';
import { dice, formatReport, hasAbsoluteWord, isCatchAll, lintCourse, textLength, type LintInput, type LintQuestion, type LintScenarioInput } from '../../src/lib/quiz/lint';

// Fresh CJK characters for every text, so no two generated items are similar by accident.
let cp = 0x4e00 + 200;
const fresh = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCodePoint(cp++);
  return s;
};
const opt = (len: number, correct = false) => ({ text: fresh(len), correct, feedback: '说明原因' });
const single = (id: string, keyLen = 10, others = [10, 11, 12]): LintQuestion => ({
  id,
  kind: 'single',
  level: 'apply',
  prompt: fresh(16),
  options: [opt(keyLen, true), ...others.map((l) => opt(l))],
});
const tf = (id: string, answer: boolean, prompt = fresh(18)): LintQuestion => ({ id, kind: 'truefalse', level: 'apply', prompt, answer, feedbackTrue: '说明', feedbackFalse: '说明' });
const multiple = (id: string, correct: number, wrong: number): LintQuestion => ({
  id,
  kind: 'multiple',
  level: 'analyze',
  prompt: fresh(16),
  scoring: 'partial',
  options: [...Array.from({ length: correct }, () => opt(10, true)), ...Array.from({ length: wrong }, () => opt(10))],
});
const choice = (len: number, points: number, tradeoff = true) => ({ text: fresh(len), points, ...(tradeoff ? { tradeoff: '用时间换稳妥' } : {}) });
const scenario = (choices = [choice(20, 3), choice(22, 1), choice(21, 0, false)]): LintScenarioInput => ({
  id: 'sc',
  nodes: { n1: { choices }, end: {} },
});

/** A small course that passes every rule. */
function baseline(): LintInput {
  return {
    quizzes: [
      { id: 'lesson-a', questions: [single('s1', 10, [10, 11, 12]), single('s2', 11, [12, 10, 10]), single('s3', 9, [10, 12, 11]), tf('t1', true), tf('t2', false)] },
      { id: 'lesson-b', questions: [multiple('m1', 1, 3), multiple('m2', 2, 2), tf('t3', true), tf('t4', false)] },
    ],
    scenarios: [scenario()],
  };
}
const failing = (input: LintInput) =>
  lintCourse(input)
    .rules.filter((r) => !r.pass)
    .map((r) => r.rule);
const addTo = (input: LintInput, quiz: number, ...qs: LintQuestion[]) => {
  input.quizzes[quiz]!.questions.push(...qs);
  return input;
};

describe('item linter helpers', () => {
  it('measures length without whitespace and punctuation, finds absolute words and catch-alls', () => {
    expect(textLength('协调， 就是“沟通”。')).toBe(6);
    expect(hasAbsoluteWord('秘书必须事事请示')).toBe(true);
    expect(hasAbsoluteWord('秘书可以先请示')).toBe(false);
    for (const t of ['以上都对', '以上都不对。', '以上皆是', '以上皆非', '都对', '都不对']) expect(isCatchAll(t), t).toBe(true);
    expect(isCatchAll('都对领导负责')).toBe(false);
    expect(dice('请按先后排序', '请按先后排序')).toBe(1);
    expect(dice('甲乙丙丁', '戊己庚辛')).toBe(0);
  });
});

describe('item linter: the baseline course passes, and one seeded bad item fails exactly its rule', () => {
  it('baseline passes every rule', () => {
    const r = lintCourse(baseline());
    expect(r.rules.filter((x) => !x.pass)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(formatReport(r)).toMatch(/all \d+ checks pass/);
  });
  it('single-key-longest: the key is the strictly longest in more than 35% of single items', () => {
    expect(failing(addTo(baseline(), 0, single('s4', 13, [10, 11, 12]), single('s5', 14, [12, 11, 13])))).toEqual(['single-key-longest']);
  });
  it('single-key-ratio: a key more than 1.5× the mean distractor', () => {
    expect(failing(addTo(baseline(), 0, single('s4', 20, [10, 12, 14])))).toEqual(['single-key-ratio']);
  });
  it('tf-balance: too few true statements across the course', () => {
    expect(failing(addTo(baseline(), 1, tf('t5', false), tf('t6', false), tf('t7', false)))).toEqual(['tf-balance']);
  });
  it('tf-balance: a balanced course but an unbalanced final pool', () => {
    const input = baseline();
    input.quizzes.push({ id: 'final', final: true, questions: [tf('f1', false), tf('f2', false), tf('f3', false), single('f4')] });
    addTo(input, 0, tf('t5', true), tf('t6', true), tf('t7', true));
    const r = lintCourse(input);
    expect(r.rules.filter((x) => !x.pass).map((x) => `${x.rule} ${x.scope}`)).toEqual(['tf-balance final']);
  });
  it('tf-absolute-words: absolute words cue the false statements', () => {
    const input = baseline();
    input.quizzes[0]!.questions = input.quizzes[0]!.questions.map((q) => (q.id === 't2' ? tf('t2', false, `${fresh(8)}一定${fresh(8)}`) : q));
    expect(failing(input)).toEqual(['tf-absolute-words']);
  });
  it('multiple-min-wrong: a multiple-choice item with one wrong option', () => {
    expect(failing(addTo(baseline(), 1, multiple('m3', 3, 1)))).toEqual(['multiple-min-wrong']);
  });
  it('multiple-correct-varies: every item has the same number of correct options', () => {
    const input = baseline();
    input.quizzes[1]!.questions = input.quizzes[1]!.questions.map((q) => (q.id === 'm2' ? multiple('m2', 1, 3) : q));
    expect(failing(input)).toEqual(['multiple-correct-varies']);
  });
  it('scenario-choice-length: the longest choice is more than 1.6× the shortest', () => {
    const input = baseline();
    input.scenarios.push({ ...scenario([choice(20, 3), choice(12, 1), choice(20, 0, false)]), id: 'sc2' });
    expect(failing(input)).toEqual(['scenario-choice-length']);
  });
  it('scenario-best-longest: the best choice is the strictly longest at most decision points', () => {
    const input = baseline();
    input.scenarios.push({ ...scenario([choice(24, 3), choice(22, 1), choice(21, 0, false)]), id: 'sc2' });
    expect(failing(input)).toEqual(['scenario-best-longest']);
  });
  it('scenario-defensible: only one choice carries a tradeoff', () => {
    const input = baseline();
    input.scenarios.push({ ...scenario([choice(20, 3), choice(22, 1, false), choice(21, 0, false)]), id: 'sc2' });
    expect(failing(input)).toEqual(['scenario-defensible']);
  });
  it('near-duplicate: the same item twice under another id', () => {
    const input = baseline();
    const copy = { ...input.quizzes[0]!.questions[0]!, id: 'copy' };
    expect(failing(addTo(input, 1, copy))).toEqual(['near-duplicate']);
  });
  it('level-required: an item without a level', () => {
    const q = single('s4', 10, [11, 12, 10]);
    delete q.level;
    expect(failing(addTo(baseline(), 0, q))).toEqual(['level-required']);
  });
  it('level-mix: a lesson quiz with fewer than half apply/analyze items', () => {
    const input = baseline();
    input.quizzes[1]!.questions = input.quizzes[1]!.questions.map((q) => (q.kind === 'truefalse' || q.id === 'm1' ? { ...q, level: 'remember' as const } : q));
    expect(failing(input)).toEqual(['level-mix']);
  });
  it('level-mix: a final pool below 60% apply/analyze', () => {
    const input = baseline();
    const qs = [tf('f1', true), tf('f2', false), single('f3'), single('f4', 9, [10, 11, 12]), single('f5', 10, [12, 11, 11])].map((q, i) => (i < 2 ? { ...q, level: 'understand' as const } : q));
    input.quizzes.push({ id: 'final', final: true, questions: qs.slice(0, 4).concat([{ ...qs[4]!, level: 'remember' }]) });
    expect(failing(input)).toEqual(['level-mix']);
  });
  it('no-catch-all: an option 以上都对', () => {
    const q = single('s4', 10, [11, 12, 10]);
    if (q.kind === 'single') q.options[3] = { text: '以上都对', correct: false, feedback: '说明' };
    expect(failing(addTo(baseline(), 0, q))).toEqual(['no-catch-all']);
  });
});

describe('waivers', () => {
  it('a waiver skips its rule for that item and is counted', () => {
    const q = single('s4', 20, [10, 12, 14]);
    q.lintWaiver = { rule: 'single-key-ratio', reason: '关键选项必须完整写出法规名称' };
    const r = lintCourse(addTo(baseline(), 0, q));
    expect(r.ok).toBe(true);
    expect(r.waivers).toEqual([{ where: 'lesson-a s4', rule: 'single-key-ratio', reason: '关键选项必须完整写出法规名称' }]);
    expect(r.rules.find((x) => x.rule === 'single-key-ratio')!.waived).toBe(1);
  });
  it('a waiver for another rule does not help', () => {
    const q = single('s4', 20, [10, 12, 14]);
    q.lintWaiver = { rule: 'no-catch-all', reason: '理由写在这里' };
    expect(failing(addTo(baseline(), 0, q))).toEqual(['single-key-ratio']);
  });
  it('a scenario decision point can waive a rule', () => {
    const input = baseline();
    input.scenarios.push({ id: 'sc2', nodes: { n1: { choices: [choice(20, 3), choice(12, 1), choice(20, 0, false)], lintWaiver: { rule: 'scenario-choice-length', reason: '这一步只能这样写' } } } });
    expect(failing(input)).toEqual([]);
  });
  it('more than 5 waivers fail the course', () => {
    const input = baseline();
    for (let i = 0; i < 6; i++) {
      const q = single(`w${i}`, 9, [10, 11, 12]);
      q.lintWaiver = { rule: 'single-key-ratio', reason: '理由写在这里' };
      addTo(input, 0, q);
    }
    expect(failing(input)).toEqual(['waiver-limit']);
  });
});
