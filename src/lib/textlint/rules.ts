/**
 * The course's own text rules (content/STYLE.md), as pure functions over text, so that each rule can be
 * unit-tested with a bad sample (tests/unit/textlint.test.ts) and run by scripts/lint-text.ts.
 *
 * Punctuation and spacing between Chinese and Latin/digits are checked by a maintained linter,
 * AutoCorrect (autocorrect-node), in scripts/lint-text.ts. The rules here are the ones no general
 * Chinese linter can know: our term list, the audience word, lesson ids in prose, heading punctuation,
 * the source's formula, and the few half-width marks AutoCorrect leaves alone (half-width parentheses
 * and ASCII straight quotes around Chinese text): those are kept here because AutoCorrect only adds
 * spaces around `(…)` and does not convert `"…"` to “…” (checked on autocorrect-node 2.13 and 2.14).
 */

export type RuleId =
  | 'zh-spacing'
  | 'zh-punctuation'
  | 'halfwidth-punct'
  | 'audience-word'
  | 'term-variant'
  | 'source-formula'
  | 'raw-id'
  | 'heading-punct'
  | 'term-list'
  | 'lesson-plan'
  | 'objectives'
  | 'discussion'
  | 'waiver';

export interface Finding {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  rule: RuleId;
  message: string;
  /** The text the rule matched. */
  excerpt: string;
  /** The whole line it is on: a waiver's `text` must occur in it. */
  context?: string;
}

/** One line of prose to check, already stripped of markup that is not prose. */
export interface ProseLine {
  line: number;
  text: string;
  heading: boolean;
}

export interface TermEntry {
  preferred: string;
  variants: string[];
  glossaryId?: string;
  note?: string;
  /** line in STYLE.md, for term-list findings */
  line: number;
}

export interface GlossaryTerm {
  id: string;
  term: string;
  aliases: string[];
}

export interface RuleContext {
  terms: TermEntry[];
  /** module ids: `<module>/<slug>` in prose is a raw lesson id */
  moduleIds: string[];
  /** lesson id → title, to suggest the words to write instead of the id */
  lessonTitles?: Record<string, string>;
}

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
const hanRe = new RegExp(`[${HAN}]`);

// ---------------------------------------------------------------------------------------------
// Extracting prose lines from MDX and YAML, keeping line numbers.

/** YAML keys whose values are ids, references or numbers, not prose. */
const NON_PROSE_KEYS = new Set([
  'id', 'lesson', 'ref', 'next', 'start', 'related', 'kind', 'rating', 'terms', 'quiz', 'scenario',
  'module', 'order', 'minutes', 'points', 'correct', 'answer', 'shuffle', 'scoring', 'passingScore',
  // glossary aliases list the variants on purpose: a learner who searches for one finds the term.
  'aliases',
]);

/** Replace JSX/HTML tags (with their attributes) by spaces of equal length, so columns stay right. */
export function blankTags(text: string): string {
  return text.replace(/<\/?[A-Za-z][^<>]*\/?>/g, (m) => ' '.repeat(m.length)).replace(/\{\/\*.*?\*\/\}/g, (m) => ' '.repeat(m.length));
}

/** Blank the targets of Markdown links `](…)`. */
function blankLinkTargets(text: string): string {
  return text.replace(/\]\([^)]*\)/g, (m) => ']' + ' '.repeat(m.length - 1));
}

export function mdxProseLines(src: string): ProseLine[] {
  const lines = src.split('\n');
  const out: ProseLine[] = [];
  let i = 0;
  if (lines[0] === '---') {
    let end = lines.indexOf('---', 1);
    if (end < 0) end = lines.length;
    out.push(...yamlProseLines(lines.slice(1, end).join('\n')).map((l) => ({ ...l, line: l.line + 1 })));
    i = end + 1;
  }
  let fence = false;
  for (; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    const heading = /^#{1,6}\s/.test(raw);
    out.push({ line: i + 1, text: blankLinkTargets(blankTags(raw)), heading });
  }
  return out;
}

/** A YAML line whose value is a flow collection (`[a, b]`, `{ k: v, … }`): its commas are syntax. */
export function isFlowLine(raw: string): boolean {
  return /^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s*)?[[{].*[\]}]\s*$/.test(raw);
}

/** Blank the syntax of a flow collection (brackets, commas, keys), keeping the text of its values. */
function blankFlowSyntax(text: string): string {
  return text.replace(/[A-Za-z_][\w-]*:\s/g, (m) => ' '.repeat(m.length)).replace(/[[\]{},]/g, ' ');
}

/** Prose lines of a YAML file: lines that carry a string value of a prose key (or continue one). */
export function yamlProseLines(src: string): ProseLine[] {
  const out: ProseLine[] = [];
  const lines = src.split('\n');
  let skipIndent = -1; // inside the value of a non-prose key (block), skip lines indented deeper
  let skipSeqAtKey = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*#/.test(raw) || !raw.trim()) continue;
    const indent = raw.length - raw.trimStart().length;
    if (skipIndent >= 0) {
      // deeper lines, and a block list written at the key's own column (`related:` / `- id`), are its value
      if (indent > skipIndent || (skipSeqAtKey && indent === skipIndent && /^\s*-\s/.test(raw) && !/^\s*-\s+[A-Za-z_][\w-]*:(\s|$)/.test(raw))) continue;
      skipIndent = -1;
    }
    const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(\s|$)/.exec(raw);
    if (m) {
      if (NON_PROSE_KEYS.has(m[2])) {
        skipIndent = m[1].length; // the key's column: deeper lines belong to its value
        skipSeqAtKey = !m[1].includes('-');
        continue;
      }
      // keep the value only: blank the key so that it cannot match any rule
      const value = raw.slice(m[0].length);
      out.push({ line: i + 1, text: ' '.repeat(m[0].length) + (isFlowLine(raw) ? blankFlowSyntax(value) : value), heading: false });
      continue;
    }
    out.push({ line: i + 1, text: isFlowLine(raw) ? blankFlowSyntax(raw) : raw, heading: false });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rules

type LineRule = (l: ProseLine, ctx: RuleContext) => Omit<Finding, 'file'>[];

function at(l: ProseLine, index: number, rule: RuleId, excerpt: string, message: string): Omit<Finding, 'file'> {
  return { line: l.line, col: index + 1, rule, excerpt, message, context: l.text };
}

/** Text inside Chinese quotation marks “…” / 「…」 is someone's words (usually the source's): blanked. */
export function blankQuoted(text: string): string {
  return text.replace(/“[^“”]*”|「[^「」]*」/g, (m) => m[0] + '\u3000'.repeat(m.length - 2) + m[m.length - 1]);
}

/** 学员, never 学生 (大学生, 学生会 … are other words). */
export const audienceWord: LineRule = (l) => {
  const found: Omit<Finding, 'file'>[] = [];
  const re = /学生/g;
  for (let m; (m = re.exec(l.text)); ) {
    const before = l.text[m.index - 1] ?? '';
    const after = l.text[m.index + 2] ?? '';
    if ('大中小留'.includes(before) || after === '会') continue;
    found.push(at(l, m.index, 'audience-word', '学生', '称呼本课程的读者用“学员”，不用“学生”'));
  }
  return found;
};

/** A variant from the term list, outside quotation marks. */
export const termVariant: LineRule = (l, ctx) => {
  const found: Omit<Finding, 'file'>[] = [];
  const text = blankQuoted(l.text);
  for (const t of ctx.terms) {
    for (const v of t.variants) {
      for (let from = 0, i; (i = text.indexOf(v, from)) >= 0; from = i + v.length) {
        // the variant may be part of the preferred form itself (e.g. a longer preferred term)
        const p = text.indexOf(t.preferred, Math.max(0, i - t.preferred.length));
        if (p >= 0 && p <= i && p + t.preferred.length >= i + v.length) continue;
        found.push(at(l, i, 'term-variant', v, `术语用“${t.preferred}”，不用“${v}”（引用原文请加引号）`));
      }
    }
  }
  return found;
};

/** The source's formula is 沟通信息、通报情况、解决矛盾: quote it in the source's words. */
export const sourceFormula: LineRule = (l) => {
  const found: Omit<Finding, 'file'>[] = [];
  const re = new RegExp(`([${HAN}]{2})信息[、，,]\\s*([${HAN}]{2})情况[、，,]\\s*([${HAN}]{2})矛盾`, 'g');
  for (let m; (m = re.exec(l.text)); ) {
    if (m[1] === '沟通' && m[2] === '通报' && m[3] === '解决') continue;
    found.push(at(l, m.index, 'source-formula', m[0], `原材料的说法是“沟通信息、通报情况、解决矛盾”，不要改动其中的词（见到“${m[0]}”）`));
  }
  return found;
};

/** `understanding/concept` in prose: learners and instructors see a code, not a lesson title. */
export const rawId: LineRule = (l, ctx) => {
  const found: Omit<Finding, 'file'>[] = [];
  if (!ctx.moduleIds.length) return found;
  const re = new RegExp(`(?<![\\w/.#-])(?:${ctx.moduleIds.join('|')})/[a-z0-9][a-z0-9-]*`, 'g');
  for (let m; (m = re.exec(l.text)); ) {
    const title = ctx.lessonTitles?.[m[0]];
    found.push(at(l, m.index, 'raw-id', m[0], `正文里不要写课程 id“${m[0]}”，写课名${title ? `：《${title}》一课` : '（如“《协调的概念与本质》一课”）'}`));
  }
  return found;
};

/** `方法一及时发现问题`: a numbered heading needs its punctuation (方法一：及时发现问题). */
export const headingPunct: LineRule = (l) => {
  if (!l.heading) return [];
  const title = l.text.replace(/^#+\s*/, '');
  const offset = l.text.length - title.length;
  const m = new RegExp(`^((?:方法|做法|步骤|特点|作用|原则|要求|途径|第)[一二三四五六七八九十0-9]+[步条项点个种]?)(?=[${HAN}])`).exec(title);
  if (!m) return [];
  return [at(l, offset, 'heading-punct', title, `标题“${title}”的序号后缺少标点，应写作“${m[1]}：${title.slice(m[1].length)}”`)];
};

/**
 * Half-width marks in Chinese text that AutoCorrect leaves: (…) around Chinese, "…" around Chinese,
 * and , ; : ! ? right after a Chinese character (AutoCorrect misses some of these before quotes).
 */
export const halfwidthPunct: LineRule = (l) => {
  const found: Omit<Finding, 'file'>[] = [];
  const text = l.text;
  const paren = new RegExp(`(?<!\\])\\(([^()]*[${HAN}][^()]*)\\)`, 'g');
  for (let m; (m = paren.exec(text)); ) found.push(at(l, m.index, 'halfwidth-punct', m[0], `中文里用全角括号：“（${m[1]}）”`));
  const quote = new RegExp(`"([^"]*[${HAN}][^"]*)"`, 'g');
  for (let m; (m = quote.exec(text)); ) {
    // skip YAML/JSX attribute quoting (key: "…" / title="…") — those quotes are syntax, not prose
    const before = text.slice(0, m.index);
    if (/(=|:\s*|^\s*-?\s*)$/.test(before)) continue;
    found.push(at(l, m.index, 'halfwidth-punct', m[0], `中文里用全角引号：“${m[1]}”`));
  }
  const mark = new RegExp(`(?<=[${HAN}）”)"])[,;!?](?=[${HAN}“]|\\s|$)|(?<=[${HAN}]):(?=[${HAN}“])`, 'g');
  for (let m; (m = mark.exec(text)); ) found.push(at(l, m.index, 'halfwidth-punct', m[0], `中文后用全角标点，不用半角“${m[0]}”`));
  return found;
};

/** Autofix for halfwidthPunct (only the unambiguous cases). */
export function fixHalfwidthPunct(text: string): string {
  const FULL: Record<string, string> = { ',': '，', ';': '；', '!': '！', '?': '？', ':': '：' };
  return text
    .replace(new RegExp(`(?<!\\])\\(([^()]*[${HAN}][^()]*)\\)`, 'g'), '（$1）')
    .replace(new RegExp(`(?<=[${HAN}）”)"])[,;!?](?=[${HAN}“]|\\s|$)|(?<=[${HAN}]):(?=[${HAN}“])`, 'g'), (c) => FULL[c]);
}

export const LINE_RULES: Record<string, LineRule> = {
  'audience-word': audienceWord,
  'term-variant': termVariant,
  'source-formula': sourceFormula,
  'raw-id': rawId,
  'heading-punct': headingPunct,
  'halfwidth-punct': halfwidthPunct,
};

export function lintProse(file: string, lines: ProseLine[], ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const l of lines) {
    if (!hanRe.test(l.text) && !/\//.test(l.text)) continue;
    for (const rule of Object.values(LINE_RULES)) for (const f of rule(l, ctx)) out.push({ file, ...f });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The instructor's timed plan (STYLE.md: 学习目标、讨论题与教师提示)

/**
 * A lesson's `instructorNotes` must open with a timed plan: `建议用时 N 分钟：A 5 分钟 → B 各 5 分钟 → …。`
 * N equals the lesson's `minutes`, the parts add up to N (`A、B各 5 分钟` counts once per item), and a
 * case lesson says what to cut when short of time (`时间不够时`).
 */
export function lessonPlan(fm: { minutes?: unknown; kind?: unknown; instructorNotes?: unknown }, line: number): Omit<Finding, 'file'>[] {
  const f = (message: string): Omit<Finding, 'file'> => ({ line, col: 1, rule: 'lesson-plan', excerpt: '', message });
  const notes = typeof fm.instructorNotes === 'string' ? fm.instructorNotes.trim() : '';
  if (!notes) return [f('缺少教师提示 instructorNotes（要有分段计时的教学安排）')];
  // parenthesised remarks may contain 。 and numbers of their own: leave them out of the sum
  const head = /^建议用时 (\d+) 分钟：([^。]*)/.exec(notes.split('\n')[0].replace(/（[^）]*）/g, ''));
  if (!head) return [f('教师提示要以“建议用时 N 分钟：各段 x 分钟 → ……”开头')];
  const out: Omit<Finding, 'file'>[] = [];
  const total = Number(head[1]);
  if (typeof fm.minutes === 'number' && total !== fm.minutes) out.push(f(`教师提示的建议用时 ${total} 分钟与 minutes: ${fm.minutes} 不一致`));
  const parts = head[2].split('→').map((p) => p.trim()).filter(Boolean);
  let sum = 0;
  for (const p of parts) {
    const bare = p;
    const m = /(各)?\s*(\d+)\s*分钟/.exec(bare);
    if (!m) {
      out.push(f(`教师提示的“${p.slice(0, 20)}”一段没有写分钟数`));
      continue;
    }
    const items = m[1] ? bare.slice(0, m.index).split('、').filter((x) => x.trim()).length : 1;
    sum += items * Number(m[2]);
  }
  if (parts.length < 3) out.push(f('教师提示的计划至少分三段'));
  else if (sum !== total) out.push(f(`教师提示各段合计 ${sum} 分钟，与建议用时 ${total} 分钟不符`));
  if (fm.kind === 'case' && !notes.includes('时间不够时')) out.push(f('案例课的教师提示要写明“时间不够时”先删哪一段'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Objectives and discussion prompts (STYLE.md: 学习目标、讨论题与教师提示)

/** Objectives that ask the learner to do something with what they learnt (apply level and above). */
export const APPLY_VERBS = ['运用', '综合运用', '判断', '分析', '设计', '拟', '制定', '制订', '选用', '处理', '改写', '写出', '针对', '根据', '按', '为', '对照', '分辨', '在'];
/** Objectives that only ask to recall. */
export const RECALL_VERBS = ['说出', '列举', '列出', '复述', '准确复述', '完整说出', '用自己的话说出'];

/** Each lesson has an apply-level objective, and recall-only objectives are at most half of them. */
export function objectiveLevels(objectives: unknown, line: number): Omit<Finding, 'file'>[] {
  if (!Array.isArray(objectives) || !objectives.length) return [];
  const list = objectives.map(String);
  const out: Omit<Finding, 'file'>[] = [];
  const f = (message: string): Omit<Finding, 'file'> => ({ line, col: 1, rule: 'objectives', excerpt: '', message });
  if (!list.some((o) => APPLY_VERBS.some((v) => o.startsWith(v)))) {
    out.push(f(`学习目标里没有应用层次的目标（以${APPLY_VERBS.slice(0, 6).join('、')}……开头），至少要有一条，并由本课练习考到`));
  }
  const recall = list.filter((o) => RECALL_VERBS.some((v) => o.startsWith(v))).length;
  if (recall * 2 > list.length) out.push(f(`${list.length} 条学习目标中有 ${recall} 条只要求记忆（说出、列举……），不能超过一半`));
  return out;
}

/**
 * The same opening reused across lessons reads like a template (the old 回想…活动 prompt was in five):
 * an opening (first two characters) shared by four or more lessons' discussion prompts is reported.
 */
export function discussionOpeners(prompts: { file: string; line: number; text: string }[], limit = 4): Finding[] {
  const by = new Map<string, { file: string; line: number; text: string }[]>();
  for (const p of prompts) {
    const head = p.text.replace(/<[^>]*>/g, '').trim().slice(0, 2);
    if (head.length < 2) continue;
    by.set(head, [...(by.get(head) ?? []), p]);
  }
  const out: Finding[] = [];
  for (const [head, list] of by) {
    if (new Set(list.map((p) => p.file)).size < limit) continue;
    for (const p of list) out.push({ file: p.file, line: p.line, col: 1, rule: 'discussion', excerpt: head, context: p.text, message: `${list.length} 道讨论题都以“${head}”开头：讨论题要扣住本课，不套用同一个开头` });
  }
  return out;
}

/** Discussion prompts of an MDX lesson: the first text line inside each <Discussion>. */
export function discussionPrompts(file: string, src: string): { file: string; line: number; text: string }[] {
  const lines = src.split('\n');
  const out: { file: string; line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^<Discussion>\s*$/.test(lines[i])) continue;
    let j = i + 1;
    while (j < lines.length && !lines[j].trim()) j++;
    if (j < lines.length && !lines[j].startsWith('</Discussion>')) out.push({ file, line: j + 1, text: lines[j] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The term list: a Markdown table in content/STYLE.md, checked against the glossary.

/**
 * Parses the rows of the table under the heading `## 术语表` in STYLE.md:
 * `| 首选 | 不用 | 词条 | 说明 |` — variants separated by 、. The glossary id column may be empty
 * (wording that is not a glossary term, e.g. the source's non-standard 先基).
 */
export function parseTermTable(md: string): TermEntry[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => /^##\s+术语表/.test(l));
  if (start < 0) return [];
  const out: TermEntry[] = [];
  for (let i = start + 1; i < lines.length && !/^##\s/.test(lines[i]); i++) {
    const row = lines[i].trim();
    if (!row.startsWith('|') || /^\|\s*-/.test(row) || /^\|\s*首选/.test(row)) continue;
    const cells = row.slice(1, row.endsWith('|') ? -1 : undefined).split('|').map((c) => c.trim());
    const strip = (c: string) => c.replace(/`/g, '').trim();
    const preferred = strip(cells[0] ?? '');
    const variants = strip(cells[1] ?? '').split('、').map((v) => v.trim()).filter(Boolean);
    const glossaryId = strip(cells[2] ?? '') || undefined;
    if (preferred) out.push({ preferred, variants, glossaryId, note: cells[3], line: i + 1 });
  }
  return out;
}

/** The glossary is the authority: a term-list row naming a glossary id must agree with it. */
export function checkTermTable(terms: TermEntry[], glossary: GlossaryTerm[], file = 'content/STYLE.md'): Finding[] {
  const byId = new Map(glossary.map((g) => [g.id, g]));
  const out: Finding[] = [];
  const f = (t: TermEntry, message: string): Finding => ({ file, line: t.line, col: 1, rule: 'term-list', excerpt: t.preferred, message });
  if (!terms.length) out.push({ file, line: 1, col: 1, rule: 'term-list', excerpt: '', message: 'STYLE.md 里没有“## 术语表”表格' });
  for (const t of terms) {
    if (!t.variants.length) out.push(f(t, `术语表“${t.preferred}”一行没有列出要避免的写法`));
    if (!t.glossaryId) continue;
    const g = byId.get(t.glossaryId);
    if (!g) {
      out.push(f(t, `术语表“${t.preferred}”指向的词条 ${t.glossaryId} 不存在`));
      continue;
    }
    if (g.term !== t.preferred) out.push(f(t, `术语表首选“${t.preferred}”与词条 ${t.glossaryId} 的 term“${g.term}”不一致（以词条为准）`));
    for (const v of t.variants) {
      if (!g.aliases.includes(v)) out.push(f(t, `“${v}”应列入词条 ${t.glossaryId} 的 aliases（学员搜索旧说法时仍能找到）`));
    }
  }
  for (const g of glossary) {
    for (const t of terms) {
      if (t.variants.includes(g.term)) out.push(f(t, `词条 ${g.id} 的 term“${g.term}”是术语表中要避免的写法`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Waivers: content/lint-waivers.yaml. Every waiver names a file (glob), a rule, optionally the text,
// and must give a reason. A waiver that matches nothing is itself reported, so waivers cannot go stale.

export interface Waiver {
  file: string;
  rule: string;
  text?: string;
  reason: string;
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function validateWaivers(raw: unknown, file = 'content/lint-waivers.yaml'): { waivers: Waiver[]; errors: Finding[] } {
  const errors: Finding[] = [];
  const waivers: Waiver[] = [];
  const list = raw == null ? [] : raw;
  if (!Array.isArray(list)) {
    errors.push({ file, line: 1, col: 1, rule: 'waiver', excerpt: '', message: '豁免清单应是一个列表' });
    return { waivers, errors };
  }
  list.forEach((w: Record<string, unknown>, i) => {
    const where = `第 ${i + 1} 条豁免`;
    if (!w || typeof w.file !== 'string' || typeof w.rule !== 'string') {
      errors.push({ file, line: 1, col: 1, rule: 'waiver', excerpt: '', message: `${where}缺少 file 或 rule` });
      return;
    }
    if (typeof w.reason !== 'string' || w.reason.trim().length < 4) {
      errors.push({ file, line: 1, col: 1, rule: 'waiver', excerpt: String(w.file), message: `${where}（${w.file} · ${w.rule}）没有写理由（reason）` });
      return;
    }
    waivers.push({ file: w.file, rule: w.rule, text: typeof w.text === 'string' ? w.text : undefined, reason: w.reason });
  });
  return { waivers, errors };
}

export function applyWaivers(findings: Finding[], waivers: Waiver[]): { kept: Finding[]; waived: Finding[]; unused: Waiver[] } {
  const used = new Set<Waiver>();
  const kept: Finding[] = [];
  const waived: Finding[] = [];
  const compiled = waivers.map((w) => ({ w, re: globToRegExp(w.file) }));
  for (const f of findings) {
    const hit = compiled.find(({ w, re }) => re.test(f.file) && (w.rule === '*' || w.rule === f.rule) && (!w.text || (f.context ?? f.excerpt).includes(w.text)));
    if (hit) {
      used.add(hit.w);
      waived.push(f);
    } else kept.push(f);
  }
  return { kept, waived, unused: waivers.filter((w) => !used.has(w)) };
}

/** zh-spacing when only spaces differ, zh-punctuation otherwise (AutoCorrect reports no rule names). */
export function classifyAutocorrect(oldText: string, newText: string): 'zh-spacing' | 'zh-punctuation' {
  return oldText.replace(/\s/g, '') === newText.replace(/\s/g, '') ? 'zh-spacing' : 'zh-punctuation';
}

/** The smallest differing span of two strings, with a little context, for a readable message. */
export function diffSpan(a: string, b: string): { col: number; from: string; to: string } {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let ea = a.length, eb = b.length;
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) ea--, eb--;
  const lo = Math.max(0, s - 4);
  return { col: s + 1, from: a.slice(lo, Math.min(a.length, ea + 4)), to: b.slice(lo, Math.min(b.length, eb + 4)) };
}
