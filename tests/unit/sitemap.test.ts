import { describe, expect, it } from 'vitest';
import { isSitemapPage, pageUrl, sitemapXml, xmlEscape } from '../../src/lib/sitemap';

describe('sitemap', () => {
  it('builds absolute URLs with the base', () => {
    expect(pageUrl('https://x.org', '/', '')).toBe('https://x.org/');
    expect(pageUrl('https://x.org', '/course/', 'learn/a/b/')).toBe('https://x.org/course/learn/a/b/');
    expect(pageUrl('https://x.org/', '/course', '/glossary/')).toBe('https://x.org/course/glossary/');
  });
  it('leaves out error pages', () => {
    expect(isSitemapPage('404/')).toBe(false);
    expect(isSitemapPage('learn/404-errors/')).toBe(true);
  });
  it('lists each page once, sorted and escaped', () => {
    const xml = sitemapXml('https://x.org', '/c/', ['b/', '', 'a/', 'b/', '404', 'q&a/']);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(['https://x.org/c/', 'https://x.org/c/a/', 'https://x.org/c/b/', 'https://x.org/c/q&amp;a/']);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(xmlEscape(`<'">`)).toBe('&lt;&apos;&quot;&gt;');
  });
});
