import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import {
  applyWaivers, audienceWord, lessonPlan, objectiveLevels, discussionOpeners, discussionPrompts, checkTermTable, classifyAutocorrect, fixHalfwidthPunct, halfwidthPunct, headingPunct,
  lintProse, mdxProseLines, parseTermTable, rawId, sourceFormula, termVariant, validateWaivers, yamlProseLines,
  type Finding, type ProseLine, type RuleContext,
} from '../../src/lib/textlint/rules';

const TABLE = `# x

## 术语表

| 首选 | 不用 | 词条 | 说明 |
| --- | --- | --- | --- |
| 事前协调 | 事先协调 | shixian-xietiao | 成组 |
| 对上协调 | 对上关系协调、对上关系的协调 | duishang-xietiao | |
| 前提 | 先基 | | 原材料用词 |

## 下一节
`;
const ctx: RuleContext = { terms: parseTermTable(TABLE), moduleIds: ['understanding', 'relationships', 'methods'] };
const line = (text: string, heading = false): ProseLine => ({ line: 7, text, heading });

describe('audience-word', () => {
  it('flags 学生 and names the line', () => {
    const f = audienceWord(line('可请四五名学生上台合抬一张课桌'), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 7, col: 6, rule: 'audience-word' });
  });
  it('leaves 学员 and other words that contain 学生', () => {
    expect(audienceWord(line('请学员分组；大学生、学生会不是称呼'), ctx)).toEqual([]);
  });
});

describe('term-variant', () => {
  it('flags each variant of the term list', () => {
    const f = termVariant(line('事先协调做好了，对上关系的协调也要讲方法，协调是做事的先基'), ctx);
    expect(f.map((x) => x.excerpt)).toEqual(['事先协调', '对上关系的协调', '先基']);
    expect(f[0].message).toContain('事前协调');
  });
  it('does not flag a variant quoted as the source’s words', () => {
    expect(termVariant(line('原材料的说法是“事先协调远胜事后释疑”'), ctx)).toEqual([]);
  });
  it('does not flag the preferred form', () => {
    expect(termVariant(line('对上协调与事前协调'), ctx)).toEqual([]);
  });
});

describe('source-formula', () => {
  it('flags a reworded formula', () => {
    const f = sourceFormula(line('协调就是互通信息、通报情况、化解矛盾。'), ctx);
    expect(f).toHaveLength(1);
    expect(f[0].excerpt).toBe('互通信息、通报情况、化解矛盾');
  });
  it('accepts the source words', () => {
    expect(sourceFormula(line('协调就是沟通信息，通报情况，解决矛盾。'), ctx)).toEqual([]);
  });
});

describe('raw-id', () => {
  it('flags a lesson id in prose, also in backticks', () => {
    const f = rawId(line('本课是 relationships/upward 一课的延伸，与 `methods/defusing` 配合'), ctx);
    expect(f.map((x) => x.excerpt)).toEqual(['relationships/upward', 'methods/defusing']);
  });
  it('suggests the lesson title when it knows it', () => {
    const f = rawId(line('见 methods/defusing'), { ...ctx, lessonTitles: { 'methods/defusing': '化解矛盾：变通淡化' } });
    expect(f[0].message).toContain('《化解矛盾：变通淡化》一课');
  });
  it('ignores ids in tags, link targets and URLs', () => {
    const lines = mdxProseLines('<Quiz id="understanding/concept" />\n详见[协调的本质](/learn/understanding/concept/#协调的本质)');
    expect(lines.flatMap((l) => rawId(l, ctx))).toEqual([]);
  });
});

describe('heading-punct', () => {
  it('flags a numbered heading without its punctuation', () => {
    const f = headingPunct(line('## 方法一及时发现问题', true), ctx);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('方法一：及时发现问题');
  });
  it('accepts the heading with its punctuation, and only checks headings', () => {
    expect(headingPunct(line('## 方法一：及时发现问题', true), ctx)).toEqual([]);
    expect(headingPunct(line('### 做法二：暂时脱离接触', true), ctx)).toEqual([]);
    expect(headingPunct(line('方法一及时发现问题', false), ctx)).toEqual([]);
  });
});

describe('halfwidth-punct', () => {
  it('flags half-width parentheses, quotes and commas in Chinese text', () => {
    const f = halfwidthPunct(line('先回顾这条要求(详见上一课),他说了"不谈拉倒"'), ctx);
    expect(f.map((x) => x.excerpt)).toEqual(['(详见上一课)', '"不谈拉倒"', ',']);
  });
  it('leaves Latin-only parentheses and YAML/JSX quoting alone', () => {
    expect(halfwidthPunct(line('缩写 (ABC) 不算'), ctx)).toEqual([]);
    expect(halfwidthPunct(line('  prompt: "下列哪一项"'), ctx)).toEqual([]);
    expect(halfwidthPunct(line('<Example title="示例：三个科室">'), ctx)).toEqual([]);
  });
  it('never touches a Markdown link target, even one with a Chinese anchor', () => {
    const link = '见[协调的本质](/learn/understanding/concept/#协调的本质)。';
    expect(halfwidthPunct(line(link), ctx)).toEqual([]);
    expect(fixHalfwidthPunct(link)).toBe(link);
  });
  it('has a fix', () => {
    expect(fixHalfwidthPunct('先回顾这条要求(详见上一课),再讲')).toBe('先回顾这条要求（详见上一课），再讲');
  });
});

describe('AutoCorrect findings are named by what changed', () => {
  it('spacing vs punctuation', () => {
    expect(classifyAutocorrect('建议用时25分钟', '建议用时 25 分钟')).toBe('zh-spacing');
    expect(classifyAutocorrect('先讲,再练', '先讲，再练')).toBe('zh-punctuation');
  });
});

describe('prose extraction keeps line numbers and skips ids', () => {
  it('MDX: front matter values and body, not code or tags', () => {
    const src = '---\ntitle: 学生手册\nmodule: understanding\n---\n\n```\n学生\n```\n\n<Term id="xietiao">学生</Term>';
    const found = lintProse('a.mdx', mdxProseLines(src), ctx);
    expect(found.map((f) => [f.line, f.rule])).toEqual([[2, 'audience-word'], [10, 'audience-word']]);
  });
  it('YAML: prose values only (aliases and related are not prose)', () => {
    const src = 'term: 事先协调\naliases: [事先协调]\nrelated:\n- understanding/role\ndefinition: |\n  见 understanding/role';
    const found = lintProse('g.yaml', yamlProseLines(src), ctx);
    expect(found.map((f) => [f.line, f.rule])).toEqual([[1, 'term-variant'], [6, 'raw-id']]);
  });
});

describe('term list is checked against the glossary (the authority)', () => {
  const glossary = [
    { id: 'shixian-xietiao', term: '事前协调', aliases: ['事先协调'] },
    { id: 'duishang-xietiao', term: '对上关系协调', aliases: ['对上协调'] },
  ];
  it('reports a preferred form that differs from the glossary term and variants missing from aliases', () => {
    const f = checkTermTable(ctx.terms, glossary);
    const msgs = f.map((x) => x.message).join('\n');
    expect(msgs).toContain('不一致');
    expect(msgs).toContain('对上关系的协调”应列入词条 duishang-xietiao');
    expect(msgs).toContain('是术语表中要避免的写法');
    expect(f.every((x) => x.rule === 'term-list' && x.line > 0)).toBe(true);
  });
  it('is clean when they agree', () => {
    const ok = [glossary[0], { id: 'duishang-xietiao', term: '对上协调', aliases: ['对上关系协调', '对上关系的协调'] }];
    expect(checkTermTable(ctx.terms, ok)).toEqual([]);
  });
  it('the real STYLE.md agrees with the real glossary', () => {
    const terms = parseTermTable(readFileSync('content/STYLE.md', 'utf8'));
    expect(terms.length).toBeGreaterThanOrEqual(5);
    const real = readdirSync('content/glossary').map((n) => {
      const g = parseYaml(readFileSync(`content/glossary/${n}`, 'utf8'));
      return { id: n.replace(/\.yaml$/, ''), term: g.term, aliases: g.aliases ?? [] };
    });
    expect(checkTermTable(terms, real)).toEqual([]);
  });
});

describe('waivers', () => {
  const finding: Finding = { file: 'content/quizzes/a.yaml', line: 3, col: 1, rule: 'zh-spacing', excerpt: '案例1中', message: '' };
  it('a waiver without a reason is an error', () => {
    const { errors } = validateWaivers([{ file: 'content/quizzes/*.yaml', rule: '*' }]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('理由');
  });
  it('waives by glob, rule and text, and reports unused waivers', () => {
    const { waivers } = validateWaivers([
      { file: 'content/quizzes/*.yaml', rule: 'zh-spacing', reason: '正在别的分支重写' },
      { file: 'content/lessons/**', rule: 'term-variant', text: '突发情况', reason: '原材料原话' },
    ]);
    const r = applyWaivers([finding, { ...finding, file: 'content/lessons/x/y.mdx' }], waivers);
    expect(r.waived).toHaveLength(1);
    expect(r.kept).toHaveLength(1);
    expect(r.unused.map((w) => w.rule)).toEqual(['term-variant']);
  });
});

describe('lesson-plan', () => {
  const good = '建议用时 25 分钟：导入 5 分钟 → 甲、乙各 5 分钟（分组） → 练一练 10 分钟。\n其他提示。';
  it('accepts a plan whose parts add up to the lesson minutes', () => {
    expect(lessonPlan({ minutes: 25, kind: 'lesson', instructorNotes: good }, 14)).toEqual([]);
  });
  it('flags a missing plan, a wrong total and parts that do not add up', () => {
    expect(lessonPlan({ minutes: 25, kind: 'lesson' }, 14)[0].message).toContain('缺少');
    expect(lessonPlan({ minutes: 25, instructorNotes: '建议用时 25 分钟。可先请学员读情景。' }, 14)[0].rule).toBe('lesson-plan');
    expect(lessonPlan({ minutes: 30, instructorNotes: good }, 14).map((f) => f.message).join()).toContain('不一致');
    const bad = '建议用时 25 分钟：导入 5 分钟 → 讲解 10 分钟 → 练一练 5 分钟。';
    expect(lessonPlan({ minutes: 25, instructorNotes: bad }, 14)[0].message).toContain('合计 20 分钟');
  });
  it('a case lesson says what to cut', () => {
    expect(lessonPlan({ minutes: 25, kind: 'case', instructorNotes: good }, 14)[0].message).toContain('时间不够时');
  });
});

describe('AutoCorrect rules (zh-spacing, zh-punctuation) on bad samples, and --fix', async () => {
  const { autocorrectFindings, fixFile } = await import('../../scripts/lib/autocorrect-lint');
  const mdx = '---\ntitle: 示例\ninstructorNotes: |\n  建议用时25分钟，先读案例\n---\n\n## 一节\n\n秘书先讲,再练。\n\n<Example title="示例：C领导的日程">\n\n正文\n\n</Example>\n';
  it('names file, line and rule', () => {
    const f = autocorrectFindings('content/lessons/x/y.mdx', mdx);
    expect(f.map((x) => [x.line, x.rule])).toEqual([[4, 'zh-spacing'], [9, 'zh-punctuation'], [11, 'zh-spacing']]);
    expect(f[0].message).toContain('建议用时 25 分钟');
  });
  it('leaves YAML syntax alone (flow-list commas, ids) but checks prose values', () => {
    const yaml = 'term: 突发事件\ndefinition: 小到设备故障,大到紧急事态\naliases: [突发情况, 突发性事件]\nrelated: [understanding/role]\n';
    expect(autocorrectFindings('content/glossary/t.yaml', yaml).map((x) => [x.line, x.rule])).toEqual([[2, 'zh-punctuation']]);
  });
  it('flow mappings are syntax too (scenario variables)', () => {
    const yaml = 'variables:\n  relations: { type: number, label: 部门关系, min: 0 }\n  asked: { type: flag, label: 请示了总经理, initial: false }\n';
    const found = [...autocorrectFindings('content/scenarios/s.yaml', yaml), ...lintProse('content/scenarios/s.yaml', yamlProseLines(yaml), ctx)];
    expect(found).toEqual([]);
    expect(fixFile('content/scenarios/s.yaml', yaml)).toBe(yaml);
  });
  it('--fix rewrites prose only and keeps the YAML data the same shape', () => {
    expect(fixFile('content/lessons/x/y.mdx', mdx)).toContain('建议用时 25 分钟');
    expect(fixFile('content/lessons/x/y.mdx', mdx)).toContain('秘书先讲，再练。');
    expect(fixFile('content/lessons/x/y.mdx', mdx)).toContain('title="示例：C 领导的日程"');
    const yaml = 'prompt: 案例1中(第一轮)怎样做?\naliases: [甲, 乙]\noptions:\n  - text: 先讲,再练\n';
    const fixed = fixFile('content/quizzes/q.yaml', yaml);
    expect(fixed).toBe('prompt: 案例 1 中（第一轮）怎样做？\naliases: [甲, 乙]\noptions:\n  - text: 先讲，再练\n');
  });
});

describe('objectives', () => {
  it('flags a lesson with only recall and explanation objectives', () => {
    const f = objectiveLevels(['说出协调的五个要素', '列举三种依据', '解释行政约束力'], 8);
    expect(f.map((x) => x.rule)).toEqual(['objectives', 'objectives']);
    expect(f[0].message).toContain('应用层次');
    expect(f[1].message).toContain('3 条学习目标中有 2 条');
  });
  it('accepts a lesson with an apply-level objective and at most half recall', () => {
    expect(objectiveLevels(['说出协调的五个要素', '解释行政约束力', '判断一项做法是否符合程序性'], 8)).toEqual([]);
  });
});

describe('discussion', () => {
  it('flags an opening reused in four lessons, naming each', () => {
    // the five prompts of the issue began 回想你参加过的…, 回想一次你…, 回想你经历过的…: same opener, different words
    const starts = ['回想你参加过的一次集体活动', '回想一次你和同事意见不合', '回想你经历过的一次会议', '回想你参加或组织过的一次活动'];
    const p = (n: number) => discussionPrompts(`content/lessons/m/l${n}.mdx`, `## 课堂讨论\n\n<Discussion>\n\n${starts[n - 1]}\n\n</Discussion>\n`);
    expect(p(1)).toEqual([{ file: 'content/lessons/m/l1.mdx', line: 5, text: '回想你参加过的一次集体活动' }]);
    const f = discussionOpeners([1, 2, 3, 4].flatMap(p));
    expect(f).toHaveLength(4);
    expect(f[0]).toMatchObject({ rule: 'discussion', line: 5, excerpt: '回想' });
    expect(discussionOpeners([1, 2, 3].flatMap(p))).toEqual([]);
  });
});
