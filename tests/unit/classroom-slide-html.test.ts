import { describe, expect, it } from 'vitest';
// Astro's own expression escaping, the oracle for escapeText (slide-html.ts writes what Astro wrote).
import { escapeHTML } from '../../node_modules/astro/dist/runtime/server/escape.js';
import { escapeText, slideBodyHtml, type SlideLabels, type TitleMeta } from '../../src/lib/classroom/slide-html';
import { toLiveQuestion } from '../../src/lib/classroom/quiz';

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
    const slide = { kind: 'quiz', title: '练', quizId: 'q', question: 0, notes: [] } as const;
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
});
