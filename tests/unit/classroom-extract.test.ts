import { describe, expect, it } from 'vitest';
import { calloutsOf, clockOf, lessonSections, listHtml, summaryOf, timeline } from '../../src/lib/classroom/extract';

describe('teaching material extraction', () => {
  const html = [
    '<h2 id="a">甲</h2><p>正文</p>',
    '<aside class="callout callout-keypoint" aria-label="要点"><p class="callout-label">要点</p><div class="callout-body"><p>记住</p></div></aside>',
    '<h2 id="要点回顾">要点回顾</h2><ul><li>一</li><li>二</li></ul><aside class="teacher-note" data-teacher-note hidden><p>秘</p></aside>',
    '<h2 id="课堂讨论">课堂讨论</h2><aside class="callout callout-discussion" aria-label="讨论"><p class="callout-label">讨论</p><div class="callout-body"><p>问题一?</p></div></aside>',
    '<aside class="callout callout-discussion"><div class="callout-body"><p>问题二?<aside class="teacher-note" data-teacher-note hidden>秘</aside></p></div></aside>',
  ].join('\n');
  it('finds sections, the summary and the prompts, never the notes', () => {
    expect(lessonSections(html).map((s) => s.title)).toEqual(['甲', '要点回顾', '课堂讨论']);
    expect(summaryOf(html)).toBe('<ul><li>一</li><li>二</li></ul>');
    expect(summaryOf('<h2>别的</h2><p>x</p>')).toBe('');
    expect(calloutsOf(html, 'discussion')).toEqual(['<p>问题一?</p>', '<p>问题二?</p>']);
    expect(calloutsOf(html, 'keypoint')).toEqual(['<p>记住</p>']);
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
