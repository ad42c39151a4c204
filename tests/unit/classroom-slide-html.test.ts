import { describe, expect, it } from 'vitest';
// Astro's own expression escaping, the oracle for escapeText (slide-html.ts writes what Astro wrote).
import { escapeHTML } from '../../node_modules/astro/dist/runtime/server/escape.js';
import { escapeText, presenterTemplatesHtml, slideBodyHtml, slideSectionOpen, type PresenterLabels, type SlideLabels, type TitleMeta } from '../../src/lib/classroom/slide-html';
import { toLiveQuestion } from '../../src/lib/classroom/quiz';
import type { Slide } from '../../src/lib/classroom/slides';

const meta: TitleMeta = { moduleLabel: '第1单元 <认识>', duration: '约 20 分钟', description: '说明 "甲" & \'乙\'', objectives: ['目标一', '目标<二>'] };
const labels: SlideLabels = { objectives: '学习目标', quizSlide: '现场测验', scenarioSlide: '情景模拟' };

describe('slide bodies as HTML', () => {
  it('escapes text exactly as Astro escapes an expression', () => {
    for (const s of ['', '普通文字', `<b>&amp;</b> "引号" 'single' ><&`, '&#39;已是实体', 'a\u00a0b\n<script>x</script>']) expect(escapeText(s)).toBe(escapeHTML(s));
  });
  it('writes the title slide with the lesson facts and each objective, escaped', () => {
    const html = slideBodyHtml({ kind: 'title', title: '课<题>', notes: [] }, meta, labels);
    expect(html).toContain(`<p class="ts-meta">${escapeHTML(meta.moduleLabel)} · 约 20 分钟</p>`);
    expect(html).toContain('<h2 class="ts-title">课&lt;题&gt;</h2>');
    expect(html).toContain(`<p class="ts-lead">${escapeHTML(meta.description)}</p>`);
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain('<li>目标&lt;二&gt;</li>');
    expect(html).not.toMatch(/<[^>]*>\s+<|>\s+</);
  });
  it('takes a content slide as it is', () => {
    expect(slideBodyHtml({ kind: 'content', title: 'x', continued: false, html: '<h2 id="x">x</h2>\n<p>正文</p>', notes: [] }, meta, labels)).toBe('<h2 id="x">x</h2>\n<p>正文</p>');
  });
  it('previews a quiz question: one option each, letters only where the live quiz shows them', () => {
    const single = toLiveQuestion({ kind: 'single', id: 'q', prompt: '问<题>', options: [{ text: '甲', correct: true, feedback: '' }, { text: '乙 & 丙', correct: false, feedback: '' }] }, 's');
    const slide: Slide = { kind: 'quiz', title: '练', quizId: 'q', question: 0, notes: [] };
    const html = slideBodyHtml(slide, meta, labels, single);
    expect(html).toContain('<h2 class="lq-prompt">问&lt;题&gt;</h2>');
    expect(html.match(/<li class="lq-option">/g)).toHaveLength(2);
    expect(html).toContain('<span class="lq-letter">A</span>甲');
    expect(html).toContain('<span class="lq-letter">B</span>乙 &amp; 丙');
    const tf = toLiveQuestion({ kind: 'truefalse', id: 'q', prompt: '对吗', answer: true, feedbackTrue: '', feedbackFalse: '' }, 's');
    expect(slideBodyHtml(slide, meta, labels, tf)).not.toContain('lq-letter');
    expect(slideBodyHtml(slide, meta, labels)).toBe('');
  });
  it('previews a scenario by its title and intro', () => {
    const html = slideBodyHtml({ kind: 'scenario', title: '情', scenarioId: 's', notes: [] }, meta, labels, undefined, { title: '情景"一"', intro: '你是秘书' });
    expect(html).toContain('<p class="ls-meta">情景模拟</p><h2 class="ls-title">情景&quot;一&quot;</h2><p class="ls-text">你是秘书</p>');
    expect(slideBodyHtml({ kind: 'scenario', title: '情', scenarioId: 's', notes: [] }, meta, labels)).toBe('');
  });

  it('gives the presenter two templates per slide, the quiz remote only on quiz slides, and a line when a slide has no notes', () => {
    const pl: PresenterLabels = { remote: '遥控<测验>', remoteCountdown: '倒计时', remoteReveal: '揭晓', remoteHide: '隐藏', remoteShuffled: '已打乱', noNotes: '没有提示' };
    const html = presenterTemplatesHtml(
      [
        { slide: { kind: 'title' }, body: '<p>标题</p>', notes: ['<p>注一</p>', '<p>注二</p>'] },
        { slide: { kind: 'quiz' }, body: '<p>题</p>', notes: [] },
        { slide: { kind: 'content' }, body: '<p>正文</p>', notes: [] },
      ],
      pl,
    );
    const templates = [...html.matchAll(/<template data-(slide|notes)-tpl="(\d+)">([\s\S]*?)<\/template>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(templates.map(([k, n]) => `${k}${n}`)).toEqual(['slide1', 'notes1', 'slide2', 'notes2', 'slide3', 'notes3']);
    expect(templates[0]![2]).toBe('<div class="slide slide-title"><div class="slide-inner"><p>标题</p></div></div>');
    expect(templates[1]![2]).toBe('<p>注一</p>\n<p>注二</p>');
    expect(templates[3]![2]).toContain('aria-label="遥控&lt;测验&gt;"');
    expect(templates[3]![2]).toContain('data-pv-reveal="true"');
    expect(templates[3]![2]).toContain('<p class="pv-none">没有提示</p>');
    expect(html.match(/data-pv-countdown/g)).toHaveLength(1);
    expect(templates[5]![2]).toBe('<p class="pv-none">没有提示</p>');
  });
  it('opens a deck slide: the first shown, the others hidden, fit only when asked, labels escaped', () => {
    expect(slideSectionOpen('title', 1, true, '幻灯片', '第 1 张："甲"')).toBe('<section class="slide slide-title" data-slide="1" data-fit aria-roledescription="幻灯片" aria-label="第 1 张：&quot;甲&quot;">');
    expect(slideSectionOpen('scenario', 2, false, '幻灯片', '乙')).toBe('<section class="slide slide-scenario" data-slide="2" hidden aria-roledescription="幻灯片" aria-label="乙">');
  });
});
