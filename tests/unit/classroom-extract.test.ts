import { describe, expect, it } from 'vitest';
import { clockOf, lessonMaterial, listHtml, timeline } from '../../src/lib/classroom/extract';

const keypoint = (body: string) => `<div class="callout callout-keypoint" data-keypoint role="note"><p class="callout-label">要点</p><div class="callout-body" data-callout-body>${body}</div></div>`;
const discussion = (body: string) => `<div class="callout callout-discussion" data-discussion role="note"><p class="callout-label">讨论</p><div class="callout-body" data-callout-body>${body}</div></div>`;
const note = (text: string) => `<div class="teacher-note" data-teacher-note hidden><p>${text}</p></div>`;

describe('teaching material extraction (by the author components, not heading words)', () => {
  const html = [
    '<h2 id="a">甲</h2><p>正文</p>',
    keypoint('<p>记住</p>'),
    `<h2 id="r">本课回顾</h2><div class="lesson-summary" data-lesson-summary><ul><li>一</li><li>二</li></ul>${note('秘')}</div>`,
    `<h2 id="d">想一想</h2>${discussion('<p>问题一?</p>')}`,
    discussion(`<p>问题二?</p>${note('秘')}`),
    '<h2 id="q">试一试</h2><div data-live-quiz="m-a"></div>',
  ].join('\n');
  it('finds the taught sections, the summary and the prompts, never the notes', () => {
    const m = lessonMaterial(html);
    expect(m.sectionTitles).toEqual(['甲']);
    expect(m.summary).toBe('<ul><li>一</li><li>二</li></ul>');
    expect(m.prompts).toEqual(['<p>问题一?</p>', '<p>问题二?</p>']);
  });
  it('falls back to the key points when a lesson has no <Summary>; a heading named 要点回顾 is just a section', () => {
    const m = lessonMaterial(`<h2 id="a">甲</h2>${keypoint('<p>记住</p>')}<h2 id="要点回顾">要点回顾</h2><ul><li>x</li></ul>`);
    expect(m.summary).toBe('<ul><li><p>记住</p></li></ul>');
    expect(m.sectionTitles).toEqual(['甲', '要点回顾']);
    expect(lessonMaterial('<h2>别的</h2><p>x</p>').summary).toBe('');
  });
  it('lays out a session timeline', () => {
    expect(timeline([25, 30, 20])).toEqual([
      { start: 0, end: 25 },
      { start: 25, end: 55 },
      { start: 55, end: 75 },
    ]);
    expect(clockOf(95)).toBe('1:35');
    expect(clockOf(0)).toBe('0:00');
  });
});

describe('listHtml', () => {
  it('wraps items in a list, or gives nothing', () => {
    expect(listHtml(['<p>a</p>', 'b'])).toBe('<ul><li><p>a</p></li><li>b</li></ul>');
    expect(listHtml([])).toBe('');
  });
});
