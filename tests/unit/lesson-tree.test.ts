import { describe, expect, it } from 'vitest';
import { MARK, calloutBodies, findAll, hasAttr, innerHtmlOf, parseLesson, placedIds, textSections, without, type Root } from '../../src/lib/lesson/tree';

// A lesson body as Astro renders it with the search components (terms plain, quiz/scenario markers).
const html = `<p>开头一段，有协调和<a href="/glossary/#term-goutong">沟通</a>。</p>
<h2 id="一协调的定义">一、协调的定义</h2>
<p><strong>重点</strong>文字，<a href="/learn/a/b/">链接文字</a>，<code>代码</code>，{括号}与 &lt;尖括号&gt;。</p>
<ul><li>列表项一</li></ul><ol><li>列表项二</li></ol>
<blockquote><p>引用文字</p></blockquote>
<div class="teacher-note" data-teacher-note hidden><p>教师才看到的提示。</p></div>
<div class="callout callout-keypoint" data-keypoint><p class="callout-label"><span>要点</span><span class="callout-title">要点标题</span></p><div class="callout-body" data-callout-body><p>要点正文。</p></div></div>
<table><thead><tr><th>甲</th><th>乙</th></tr></thead><tbody><tr><td>单元格一</td><td>单元格二</td></tr></tbody></table>
<h3 id="小节-协调">小节 协调</h3>
<h2 id="要点回顾">要点回顾</h2>
<div class="lesson-summary" data-lesson-summary><ul><li>回顾一</li></ul></div>
<h2 id="练一练">练一练</h2>
<div data-live-quiz="understanding-concept"></div>
<div data-live-scenario="case-x"></div>
<div data-live-quiz="understanding-concept"></div>`;

describe('lesson text from the rendered lesson (search)', () => {
  const { sections, placements } = textSections(parseLesson(html));
  const all = sections.map((s) => `${s.heading}\n${s.text}`).join('\n');
  it("splits at every heading and takes each anchor from the page's own heading id", () => {
    expect(sections.map((s) => s.anchor)).toEqual(['', '一协调的定义', '小节-协调', '要点回顾', '练一练']);
    expect(sections[2]!.heading).toBe('小节 协调');
  });
  it('keeps what the learner sees, as lines', () => {
    expect(sections[0]!.text).toBe('开头一段，有协调和沟通。');
    expect(all).toContain('重点文字，链接文字，代码，{括号}与 <尖括号>。');
    expect(all).toContain('列表项一\n列表项二\n引用文字');
    expect(all).toContain('要点标题');
    expect(all).toContain('要点正文。');
    expect(all).toMatch(/甲\s+乙/);
    expect(all).toMatch(/单元格一\s+单元格二/);
    expect(sections[3]!.text).toBe('回顾一');
  });
  it('drops instructor notes entirely', () => {
    expect(all).not.toContain('教师才看到');
  });
  it('records which section places each quiz and scenario, once, in order', () => {
    expect(placements.get('understanding-concept')).toBe('练一练');
    expect(placements.get('case-x')).toBe('练一练');
    expect(placedIds(parseLesson(html), 'quiz')).toEqual(['understanding-concept']);
    expect(placedIds(parseLesson(html), 'scenario')).toEqual(['case-x']);
  });
});

describe('callout bodies (handouts and plans), read without copying the whole lesson', () => {
  // What calloutBodies returned when it searched a copy of the whole lesson without its notes.
  const reference = (root: Root, mark: string) =>
    findAll(without(root), (e) => hasAttr(e, mark)).map((c) => innerHtmlOf(findAll(c, (e) => hasAttr(e, MARK.calloutBody))[0] ?? c).trim());
  const note = (inner: string) => `<div class="teacher-note" data-teacher-note hidden>${inner}</div>`;
  const callout = (mark: string, body: string, before = '') => `<div class="callout" ${mark}><p class="callout-label">讨论</p>${before}<div class="callout-body" data-callout-body>${body}</div></div>`;
  const tricky = [
    callout('data-discussion', '<p>问题一</p>'),
    callout('data-discussion', `<p>问题二</p>${note('<p>教师提示</p>')}`),
    note(callout('data-discussion', '<p>只给教师的问题</p>')),
    `<div class="teacher-note" data-teacher-note data-discussion hidden><p>既是提示又是讨论</p></div>`,
    callout('data-discussion', '<p>真正的正文</p>', note('<div data-callout-body><p>提示里的正文</p></div>')),
    '<div data-discussion><p>没有正文框的讨论</p>' + note('<p>x</p>') + '</div>',
    callout('data-keypoint', '<p>要点</p>'),
    `<section>${callout('data-discussion', '<p>嵌套</p>')}</section>`,
  ].join('\n');
  it('gives what searching a copy without notes gave, never a note', () => {
    const root = parseLesson(tricky);
    for (const mark of [MARK.discussion, MARK.keypoint]) expect(calloutBodies(root, mark)).toEqual(reference(root, mark));
    const prompts = calloutBodies(root, MARK.discussion);
    expect(prompts).toEqual(['<p>问题一</p>', '<p>问题二</p>', '<p>真正的正文</p>', '<p>没有正文框的讨论</p>', '<p>嵌套</p>']);
    expect(prompts.join()).not.toMatch(/教师|只给|既是|提示里/);
  });
  it('leaves the lesson tree as it was', () => {
    const root = parseLesson(tricky);
    const before = JSON.stringify(root);
    calloutBodies(root, MARK.discussion);
    expect(JSON.stringify(root)).toBe(before);
  });
});
