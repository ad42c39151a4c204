/**
 * Item linter (issue 11): measurable item-writing rules after Haladyna, Downing & Rodriguez (2002),
 * checked over every quiz and scenario of the course. Pure: the CLI (scripts/lint-items.ts) loads
 * the YAML, `npm test` and `npm run check:content` run it, unit tests feed it seeded bad items.
 *
 * A rule is skipped for one item (question or scenario decision point) that carries
 * `lintWaiver: { rule, reason }`; course-wide shares are then computed without that item.
 * Length = number of characters after removing whitespace and punctuation.
 */
import { HIGHER_LEVELS, LINT_RULES, QUESTION_KINDS, type LintRule, type QuestionKind } from './constants.ts';
import type { Question } from './schema.ts';

/** The quiz fields the linter reads (level may be missing: `level-required` reports it). */
type Loosen<Q> = Q extends unknown ? Omit<Q, 'level'> & { level?: Question['level'] } : never;
export type LintQuestion = Loosen<Question>;
export interface LintQuizInput {
  id: string;
  /** A question pool (the final assessment): has `draw`, or is the course's final quiz. */
  final?: boolean;
  questions: LintQuestion[];
}
export interface LintChoice {
  text: string;
  points: number;
  tradeoff?: string;
}
export interface LintScenarioInput {
  id: string;
  nodes: Record<string, { choices?: LintChoice[]; lintWaiver?: { rule: LintRule; reason: string } }>;
}
export interface LintInput {
  quizzes: LintQuizInput[];
  scenarios: LintScenarioInput[];
}

export interface Violation {
  /** "quiz-id q3" or "scenario-id node n2". */
  where: string;
  message: string;
}
export interface RuleResult {
  rule: LintRule | 'waiver-limit';
  /** "course", "final-assessment", a quiz id … */
  scope: string;
  /** Measured value and limit as shown in the table (e.g. "41% (22/54)" vs "≤ 35%"). */
  value: string;
  limit: string;
  pass: boolean;
  violations: Violation[];
  /** Items that skipped this rule with a waiver. */
  waived: number;
}
export interface QuizStats {
  id: string;
  final: boolean;
  items: number;
  kinds: Partial<Record<QuestionKind, number>>;
  /** Share of apply/analyze items (0–1). */
  higher: number;
  waivers: number;
}
export interface WaiverEntry {
  where: string;
  rule: LintRule;
  reason: string;
}
export interface LintReport {
  ok: boolean;
  rules: RuleResult[];
  quizzes: QuizStats[];
  waivers: WaiverEntry[];
}

export const LIMITS = {
  singleKeyLongest: 0.35,
  singleKeyRatio: 1.5,
  tfTrueMin: 0.4,
  tfTrueMax: 0.6,
  tfAbsoluteSlack: 0.15,
  multipleMinWrong: 2,
  scenarioChoiceRatio: 1.6,
  scenarioBestLongest: 0.4,
  scenarioDefensible: 2,
  nearDuplicate: 0.6,
  levelMixLesson: 0.5,
  levelMixFinal: 0.6,
  maxWaivers: 5,
} as const;

/** Specific determiners (absolute words) that cue a false statement to a test-wise reader. */
export const ABSOLUTE_WORDS = ['只要', '一定', '必须', '绝对', '完全', '所有', '一切', '总是', '从不', '从来', '永远', '不必', '任何', '都', '唯一', '只有', '仅仅', '凡是', '全部', '毫无'];

/** Options that let a learner answer without knowing the content. */
const CATCH_ALL = /^(以上)?(都|皆|均|全)(对|不对|是|非|正确|不正确|错误)$|^以上(都|皆|均|全)/;

/** Removes whitespace and punctuation (ASCII and CJK); what remains is the length counted. */
export function strip(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}
export const textLength = (text: string): number => [...strip(text)].length;

export function hasAbsoluteWord(text: string): boolean {
  return ABSOLUTE_WORDS.some((w) => text.includes(w));
}

export function isCatchAll(text: string): boolean {
  return CATCH_ALL.test(strip(text));
}

/** Character-bigram Dice similarity of two texts (after strip), 0–1. */
export function dice(a: string, b: string): number {
  const grams = (t: string): Map<string, number> => {
    const chars = [...strip(t)];
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i]! + chars[i + 1]!;
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const x = grams(a);
  const y = grams(b);
  let nx = 0;
  let ny = 0;
  let common = 0;
  for (const v of x.values()) nx += v;
  for (const v of y.values()) ny += v;
  for (const [g, v] of x) common += Math.min(v, y.get(g) ?? 0);
  return nx + ny ? (2 * common) / (nx + ny) : 0;
}

/** Prompt and every option text of a question (what near-duplicate compares). */
export function itemText(q: LintQuestion): string {
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return [q.prompt, ...q.options.map((o) => o.text)].join(' ');
    case 'truefalse':
      return q.prompt;
    case 'ordering':
      return [q.prompt, ...q.items.map((o) => o.text)].join(' ');
    case 'matching':
      return [q.prompt, ...q.pairs.flatMap((p) => [p.left, p.right])].join(' ');
    case 'judgement':
      return [q.prompt, ...q.responses.map((r) => r.text)].join(' ');
  }
}

/** Whether the key is strictly longer than every distractor. */
export function keyIsLongest(lengths: number[], keyIndex: number): boolean {
  const k = lengths[keyIndex]!;
  return lengths.every((l, i) => i === keyIndex || l < k);
}

const pct = (n: number, d: number): string => (d ? `${Math.round((100 * n) / d)}% (${n}/${d})` : 'n/a (0 items)');
const waives = (w: { rule: LintRule } | undefined, rule: LintRule): boolean => w?.rule === rule;

export function lintCourse(input: LintInput): LintReport {
  const rules: RuleResult[] = [];
  const waivers: WaiverEntry[] = [];
  const all = input.quizzes.flatMap((quiz) => quiz.questions.map((q) => ({ quiz, q, where: `${quiz.id} ${q.id}` })));
  for (const { q, where } of all) if (q.lintWaiver) waivers.push({ where, rule: q.lintWaiver.rule, reason: q.lintWaiver.reason });
  for (const s of input.scenarios) {
    for (const [nid, n] of Object.entries(s.nodes)) if (n.lintWaiver) waivers.push({ where: `${s.id} node ${nid}`, rule: n.lintWaiver.rule, reason: n.lintWaiver.reason });
  }
  const waivedCount = (rule: LintRule) => waivers.filter((w) => w.rule === rule).length;
  const push = (r: Omit<RuleResult, 'waived'> & { rule: LintRule }) => rules.push({ ...r, waived: waivedCount(r.rule) });
  const perItem = (rule: LintRule, limit: string, violations: Violation[], checked: number) =>
    push({ rule, scope: 'course', value: `${violations.length} of ${checked} fail`, limit, pass: violations.length === 0, violations });

  // single-key-longest, single-key-ratio
  {
    const singles = all.filter((x) => x.q.kind === 'single');
    const counted = singles.filter((x) => !waives(x.q.lintWaiver, 'single-key-longest'));
    const longest: Violation[] = [];
    for (const { q, where } of counted) {
      if (q.kind !== 'single') continue;
      const k = q.options.findIndex((o) => o.correct);
      if (k >= 0 && keyIsLongest(q.options.map((o) => textLength(o.text)), k)) longest.push({ where, message: 'the key is the strictly longest option' });
    }
    push({
      rule: 'single-key-longest',
      scope: 'course',
      value: pct(longest.length, counted.length),
      limit: `≤ ${LIMITS.singleKeyLongest * 100}%`,
      pass: longest.length <= LIMITS.singleKeyLongest * counted.length + 1e-9,
      violations: longest.length > LIMITS.singleKeyLongest * counted.length ? longest : [],
    });
    const ratio: Violation[] = [];
    for (const { q, where } of singles) {
      if (q.kind !== 'single' || waives(q.lintWaiver, 'single-key-ratio')) continue;
      const k = q.options.find((o) => o.correct);
      const others = q.options.filter((o) => !o.correct).map((o) => textLength(o.text));
      if (!k || !others.length) continue;
      const mean = others.reduce((a, b) => a + b, 0) / others.length;
      const r = textLength(k.text) / mean;
      if (r > LIMITS.singleKeyRatio + 1e-9) ratio.push({ where, message: `key is ${r.toFixed(2)}× the mean distractor length (limit ${LIMITS.singleKeyRatio})` });
    }
    perItem('single-key-ratio', `key ≤ ${LIMITS.singleKeyRatio}× mean distractor`, ratio, singles.length);
  }

  // tf-balance (course and each final pool), tf-absolute-words
  {
    const tfOf = (list: typeof all) => list.filter((x) => x.q.kind === 'truefalse' && !waives(x.q.lintWaiver, 'tf-balance'));
    const balance = (scope: string, list: typeof all) => {
      const tf = tfOf(list);
      const nTrue = tf.filter((x) => x.q.kind === 'truefalse' && x.q.answer).length;
      const share = tf.length ? nTrue / tf.length : 0.5;
      const pass = share >= LIMITS.tfTrueMin - 1e-9 && share <= LIMITS.tfTrueMax + 1e-9;
      push({
        rule: 'tf-balance',
        scope,
        value: `${pct(nTrue, tf.length)} true`,
        limit: `${LIMITS.tfTrueMin * 100}–${LIMITS.tfTrueMax * 100}% true`,
        pass,
        violations: pass ? [] : [{ where: scope, message: `${Math.round(share * 100)}% of true/false statements are true` }],
      });
    };
    balance('course', all);
    for (const quiz of input.quizzes.filter((x) => x.final)) balance(quiz.id, all.filter((x) => x.quiz === quiz));

    const tf = all.filter((x) => x.q.kind === 'truefalse' && !waives(x.q.lintWaiver, 'tf-absolute-words'));
    const share = (answer: boolean) => {
      const list = tf.filter((x) => x.q.kind === 'truefalse' && x.q.answer === answer);
      const n = list.filter((x) => hasAbsoluteWord(x.q.prompt)).length;
      return { n, d: list.length, s: list.length ? n / list.length : 0 };
    };
    const t = share(true);
    const f = share(false);
    const pass = f.s <= t.s + LIMITS.tfAbsoluteSlack + 1e-9;
    push({
      rule: 'tf-absolute-words',
      scope: 'course',
      value: `false ${pct(f.n, f.d)} vs true ${pct(t.n, t.d)}`,
      limit: `false ≤ true + ${LIMITS.tfAbsoluteSlack * 100} pts`,
      pass,
      violations: pass ? [] : [{ where: 'course', message: 'absolute words (只要/一定/必须…) cue the false statements' }],
    });
  }

  // multiple-min-wrong, multiple-correct-varies
  {
    const multi = all.filter((x) => x.q.kind === 'multiple');
    const few: Violation[] = [];
    for (const { q, where } of multi) {
      if (q.kind !== 'multiple' || waives(q.lintWaiver, 'multiple-min-wrong')) continue;
      const wrong = q.options.filter((o) => !o.correct).length;
      if (wrong < LIMITS.multipleMinWrong) few.push({ where, message: `only ${wrong} wrong option(s); at least ${LIMITS.multipleMinWrong}` });
    }
    perItem('multiple-min-wrong', `≥ ${LIMITS.multipleMinWrong} wrong options`, few, multi.length);
    const counted = multi.filter((x) => !waives(x.q.lintWaiver, 'multiple-correct-varies'));
    const counts = new Map<number, number>();
    for (const { q } of counted) if (q.kind === 'multiple') counts.set(q.options.filter((o) => o.correct).length, (counts.get(q.options.filter((o) => o.correct).length) ?? 0) + 1);
    const pass = counted.length < 2 || counts.size >= 2;
    push({
      rule: 'multiple-correct-varies',
      scope: 'course',
      value: [...counts].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k} correct: ${v}`).join(', ') || 'n/a',
      limit: 'not all the same',
      pass,
      violations: pass ? [] : [{ where: 'course', message: `every multiple-choice item has ${[...counts.keys()][0]} correct options` }],
    });
  }

  // Scenario rules, per decision point.
  {
    const lengthV: Violation[] = [];
    const defensibleV: Violation[] = [];
    const bestLongest: Violation[] = [];
    let points = 0;
    let countedBest = 0;
    for (const s of input.scenarios) {
      for (const [nid, n] of Object.entries(s.nodes)) {
        if (!n.choices?.length) continue;
        points++;
        const where = `${s.id} node ${nid}`;
        const lens = n.choices.map((c) => textLength(c.text));
        if (!waives(n.lintWaiver, 'scenario-choice-length')) {
          const r = Math.max(...lens) / Math.max(1, Math.min(...lens));
          if (r > LIMITS.scenarioChoiceRatio + 1e-9) lengthV.push({ where, message: `longest choice is ${r.toFixed(2)}× the shortest (limit ${LIMITS.scenarioChoiceRatio})` });
        }
        if (!waives(n.lintWaiver, 'scenario-defensible')) {
          const d = n.choices.filter((c) => c.tradeoff?.trim()).length;
          if (d < LIMITS.scenarioDefensible) defensibleV.push({ where, message: `${d} choice(s) carry a "tradeoff"; at least ${LIMITS.scenarioDefensible} must be defensible` });
        }
        if (!waives(n.lintWaiver, 'scenario-best-longest')) {
          countedBest++;
          const top = Math.max(...n.choices.map((c) => c.points));
          if (n.choices.some((c, i) => c.points === top && keyIsLongest(lens, i))) bestLongest.push({ where, message: 'the best-scoring choice is the strictly longest' });
        }
      }
    }
    perItem('scenario-choice-length', `longest ≤ ${LIMITS.scenarioChoiceRatio}× shortest`, lengthV, points);
    const pass = bestLongest.length <= LIMITS.scenarioBestLongest * countedBest + 1e-9;
    push({
      rule: 'scenario-best-longest',
      scope: 'course',
      value: pct(bestLongest.length, countedBest),
      limit: `≤ ${LIMITS.scenarioBestLongest * 100}%`,
      pass,
      violations: pass ? [] : bestLongest,
    });
    perItem('scenario-defensible', `≥ ${LIMITS.scenarioDefensible} choices with tradeoff`, defensibleV, points);
  }

  // near-duplicate
  {
    const items = all.map((x) => ({ ...x, text: itemText(x.q) }));
    const dup: Violation[] = [];
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!;
        const b = items[j]!;
        if (waives(a.q.lintWaiver, 'near-duplicate') || waives(b.q.lintWaiver, 'near-duplicate')) continue;
        const d = dice(a.text, b.text);
        if (d >= LIMITS.nearDuplicate - 1e-9) dup.push({ where: `${a.where} ~ ${b.where}`, message: `bigram similarity ${d.toFixed(2)}` });
      }
    }
    push({ rule: 'near-duplicate', scope: 'course', value: `${dup.length} pair(s)`, limit: `Dice < ${LIMITS.nearDuplicate}`, pass: dup.length === 0, violations: dup });
  }

  // level-required, level-mix (per quiz)
  {
    const missing: Violation[] = [];
    for (const { q, where } of all) if (!q.level && !waives(q.lintWaiver, 'level-required')) missing.push({ where, message: 'no "level" (remember | understand | apply | analyze)' });
    perItem('level-required', 'every item', missing, all.length);
    for (const quiz of input.quizzes) {
      const counted = quiz.questions.filter((q) => !waives(q.lintWaiver, 'level-mix'));
      const n = counted.filter((q) => q.level && HIGHER_LEVELS.includes(q.level)).length;
      const limit = quiz.final ? LIMITS.levelMixFinal : LIMITS.levelMixLesson;
      const pass = n >= limit * counted.length - 1e-9;
      push({
        rule: 'level-mix',
        scope: quiz.id,
        value: `${pct(n, counted.length)} apply/analyze`,
        limit: `≥ ${limit * 100}%`,
        pass,
        violations: pass ? [] : [{ where: quiz.id, message: `${n} of ${counted.length} items are apply/analyze` }],
      });
    }
  }

  // no-catch-all
  {
    const v: Violation[] = [];
    for (const { q, where } of all) {
      if (waives(q.lintWaiver, 'no-catch-all')) continue;
      const texts = q.kind === 'single' || q.kind === 'multiple' ? q.options.map((o) => o.text) : q.kind === 'judgement' ? q.responses.map((r) => r.text) : [];
      for (const t of texts) if (isCatchAll(t)) v.push({ where, message: `catch-all option "${t}"` });
    }
    perItem('no-catch-all', 'no 以上都对 / 以上都不对 …', v, all.length);
  }

  // Waivers: at most a handful, each with a reason (the schema requires the reason).
  const wpass = waivers.length <= LIMITS.maxWaivers;
  rules.push({
    rule: 'waiver-limit',
    scope: 'course',
    value: `${waivers.length} waiver(s)`,
    limit: `≤ ${LIMITS.maxWaivers}`,
    pass: wpass,
    violations: wpass ? [] : waivers.map((w) => ({ where: w.where, message: `waives ${w.rule}: ${w.reason}` })),
    waived: 0,
  });

  const quizzes: QuizStats[] = input.quizzes.map((quiz) => {
    const kinds: Partial<Record<QuestionKind, number>> = {};
    for (const q of quiz.questions) kinds[q.kind] = (kinds[q.kind] ?? 0) + 1;
    const n = quiz.questions.filter((q) => q.level && HIGHER_LEVELS.includes(q.level)).length;
    return {
      id: quiz.id,
      final: Boolean(quiz.final),
      items: quiz.questions.length,
      kinds,
      higher: quiz.questions.length ? n / quiz.questions.length : 0,
      waivers: quiz.questions.filter((q) => q.lintWaiver).length,
    };
  });
  return { ok: rules.every((r) => r.pass), rules, quizzes, waivers };
}

/** The report as a plain-text table (for the CLI, `npm test` and `check:content`). */
export function formatReport(r: LintReport, maxViolations = 8): string {
  const out: string[] = [];
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  out.push('Item linter (content/AUTHORING.md › 题目编写规则)', '');
  out.push(`${pad('rule', 26)}${pad('scope', 34)}${pad('value', 36)}${pad('limit', 30)}${pad('waived', 8)}result`);
  for (const x of r.rules) {
    out.push(`${pad(x.rule, 26)}${pad(x.scope, 34)}${pad(x.value, 36)}${pad(x.limit, 30)}${pad(String(x.waived), 8)}${x.pass ? 'pass' : 'FAIL'}`);
  }
  out.push('', `${pad('quiz', 40)}${pad('items', 7)}${pad('apply/analyze', 15)}${pad('waivers', 9)}kinds`);
  for (const q of r.quizzes) {
    const kinds = QUESTION_KINDS.filter((k) => q.kinds[k]).map((k) => `${k} ${q.kinds[k]}`).join(', ');
    out.push(`${pad(q.id + (q.final ? ' (pool)' : ''), 40)}${pad(String(q.items), 7)}${pad(`${Math.round(q.higher * 100)}%`, 15)}${pad(String(q.waivers), 9)}${kinds}`);
  }
  if (r.waivers.length) {
    out.push('', 'Waivers:');
    for (const w of r.waivers) out.push(`  ${w.where}: ${w.rule} — ${w.reason}`);
  }
  const failed = r.rules.filter((x) => !x.pass);
  if (failed.length) {
    out.push('', 'Failures:');
    for (const f of failed) {
      out.push(`  ${f.rule} (${f.scope}): ${f.value}, limit ${f.limit}`);
      for (const v of f.violations.slice(0, maxViolations)) out.push(`    - ${v.where}: ${v.message}`);
      if (f.violations.length > maxViolations) out.push(`    … and ${f.violations.length - maxViolations} more`);
    }
  }
  out.push('', r.ok ? `Item linter: all ${r.rules.length} checks pass.` : `Item linter: ${failed.length} of ${r.rules.length} checks FAIL.`);
  return out.join('\n');
}

/** Every rule id the linter knows (for the waiver schema and docs). */
export const RULE_IDS: readonly LintRule[] = LINT_RULES;
