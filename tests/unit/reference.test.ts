import { describe, expect, it } from 'vitest';
import { centreSnippet, landingUrl } from '../../src/lib/search-landing';
import { currentSection, findMatch, minutesLeft } from '../../src/lib/reading';

describe('search result landing URL', () => {
  it('puts the query before the fragment, marks questions, leaves glossary entries alone', () => {
    expect(landingUrl('/learn/a/b/#sec-1', '协调 原则', 'lesson')).toBe('/learn/a/b/?hl=%E5%8D%8F%E8%B0%83+%E5%8E%9F%E5%88%99#sec-1');
    expect(landingUrl('/learn/a/b/', 'x', 'case')).toBe('/learn/a/b/?hl=x');
    expect(landingUrl('/learn/a/b/#quiz', 'x', 'quiz')).toBe('/learn/a/b/?hl=x&in=quiz#quiz');
    expect(landingUrl('/glossary/#term-x', 'x', 'term')).toBe('/glossary/#term-x');
    expect(landingUrl('/learn/a/b/#s', '   ', 'lesson')).toBe('/learn/a/b/#s');
  });
  it('round-trips hostile text through the URL as data', () => {
    const q = '<img src=x onerror=alert(1)>&#"';
    const u = new URL(landingUrl('/p/#s', q, 'lesson'), 'https://x.test');
    expect(u.searchParams.get('hl')).toBe(q);
    expect(u.hash).toBe('#s');
  });
});

describe('snippet centred on the match', () => {
  it('keeps at most `before` characters before the first mark, never splitting an entity', () => {
    const html = '…一二三四五六七八九十&amp;甲乙<mark>协调</mark>之后';
    expect(centreSnippet(html, 3)).toBe('…&amp;甲乙<mark>协调</mark>之后');
    expect(centreSnippet(html, 50)).toBe(html);
    expect(centreSnippet('没有标记', 2)).toBe('没有标记');
  });
});

describe('match on the page', () => {
  it('finds the whole query at or after the section, else a word, else the first one', () => {
    const text = '协调原则。第二节讲协调的方法。';
    expect(findMatch(text, '协调', 5)).toEqual([9, 11]);
    expect(findMatch(text, '协调', 0)).toEqual([0, 2]);
    expect(findMatch(text, '协调', 14)).toEqual([0, 2]);
    expect(findMatch(text, '不在 方法', 0)).toEqual([12, 14]);
    expect(findMatch('ABC abc', 'Abc', 1)).toEqual([4, 7]);
  });
  it('returns null for nothing to find, never throws', () => {
    expect(findMatch('文字', '')).toBeNull();
    expect(findMatch('文字', '   ')).toBeNull();
    expect(findMatch('文字', '没有')).toBeNull();
    expect(findMatch('文字', undefined as unknown as string)).toBeNull();
  });
});

describe('reading aids', () => {
  it('current section: the last heading above the line', () => {
    expect(currentSection([100, 500, 900], 50)).toBe(-1);
    expect(currentSection([100, 500, 900], 600)).toBe(1);
    expect(currentSection([-800, -100, 900], 200)).toBe(1);
  });
  it('minutes left: rounded up, 0 at the end, safe on bad input', () => {
    expect(minutesLeft(15, 0)).toBe(15);
    expect(minutesLeft(15, 0.5)).toBe(8);
    expect(minutesLeft(15, 0.97)).toBe(1);
    expect(minutesLeft(15, 1)).toBe(0);
    expect(minutesLeft(15, -3)).toBe(15);
    expect(minutesLeft(NaN, 0.5)).toBe(0);
    expect(minutesLeft(15, NaN)).toBe(15);
  });
});

import { groupByLetter, pinyinKeys } from '../../src/lib/glossary-index';
import { filterMatches } from '../../src/lib/glossary-filter';

describe('glossary pinyin (build time)', () => {
  it('gives full pinyin, initials and the heading letter, word-aware for polyphonic characters', () => {
    expect(pinyinKeys('协调')).toEqual({ full: 'xietiao', initials: 'xt', letter: 'X' });
    expect(pinyinKeys('重要会议').full).toBe('zhongyaohuiyi');
    expect(pinyinKeys('银行').full).toBe('yinhang');
    expect(pinyinKeys('').letter).toBe('#');
  });
  it('groups by letter in pinyin order', () => {
    const g = groupByLetter([{ t: '协调' }, { t: '安排' }, { t: '信息' }, { t: '办文' }], (x) => x.t);
    expect(g.map((x) => x.letter)).toEqual(['A', 'B', 'X']);
    expect(g[2]!.items.map((x) => x.t)).toEqual(['协调', '信息']);
  });
  it('filter: Chinese in the text, pinyin or initials by prefix, nothing else', () => {
    const e = { text: '协调 协调是…', pinyin: 'xietiao xt' };
    expect(filterMatches('', e)).toBe(true);
    expect(filterMatches('协调', e)).toBe(true);
    expect(filterMatches('XT', e)).toBe(true);
    expect(filterMatches('xie tiao', e)).toBe(true);
    expect(filterMatches('tiao', e)).toBe(false);
    expect(filterMatches('会议', e)).toBe(false);
    expect(filterMatches('.*', e)).toBe(false);
  });
});
