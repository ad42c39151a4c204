import { describe, expect, it } from 'vitest';
import { attr, extractElements, innerHtml, tags, textOf, topLevelBlocks } from '../../src/lib/classroom/html';

describe('html walker', () => {
  it('lists top-level blocks, ignoring whitespace and nested structure', () => {
    const html = '<h2 id="a">A</h2>\n<p>one <em>two</em></p>\n<ul><li><p>x</p></li></ul><hr data-slide-break hidden><aside><aside>n</aside></aside>';
    const blocks = topLevelBlocks(html);
    expect(blocks.map((b) => b.name)).toEqual(['h2', 'p', 'ul', 'hr', 'aside']);
    expect(blocks[4]!.html).toBe('<aside><aside>n</aside></aside>');
    expect(blocks.map((b) => b.html).join('')).toBe(html.replace('\n', '').replace('\n', ''));
  });
  it('keeps stray text and survives unbalanced input', () => {
    expect(topLevelBlocks('hello <p>a</p> tail').map((b) => b.name)).toEqual(['#text', 'p', '#text']);
    expect(topLevelBlocks('<div><p>unclosed').map((b) => b.html)).toEqual(['<div><p>unclosed']);
    expect(topLevelBlocks('</p><p>x</p>').map((b) => b.name)).toEqual(['p']);
  });
  it('skips comments and the contents of raw-text elements', () => {
    expect(tags('<!-- <p> --><script>if (a<b) x("</p>")</script><p>').map((t) => t.name)).toEqual(['script', 'script', 'p']);
  });
  it('reads attributes in any quoting, and bare ones', () => {
    const tag = `<aside class="teacher-note x" data-teacher-note hidden data-k='v' aria-label=a>`;
    expect(attr(tag, 'class')).toBe('teacher-note x');
    expect(attr(tag, 'data-teacher-note')).toBe('');
    expect(attr(tag, 'data-k')).toBe('v');
    expect(attr(tag, 'aria-label')).toBe('a');
    expect(attr(tag, 'data-teacher')).toBeUndefined();
  });
  it('extracts nested elements by attribute, keeping the rest', () => {
    const html = '<div><p>keep</p><aside data-teacher-note hidden><aside>inner</aside>note</aside><p>after</p></div>';
    const { rest, removed } = extractElements(html, (t) => t.includes('data-teacher-note'));
    expect(rest).toBe('<div><p>keep</p><p>after</p></div>');
    expect(removed).toEqual(['<aside data-teacher-note hidden><aside>inner</aside>note</aside>']);
    expect(innerHtml(removed[0]!)).toBe('<aside>inner</aside>note');
  });
  it('gives visible text with entities decoded', () => {
    expect(textOf('<p>a &amp; b&#x4e2d;<br>c</p>')).toBe('a & b中 c');
  });
});
