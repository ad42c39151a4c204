import { describe, expect, it } from 'vitest';
import { isNoindexPath, joinBase, stripBase, lessonPath, termPath } from '../../src/lib/paths';

describe('joinBase', () => {
  it('prefixes site-absolute paths with the base', () => {
    expect(joinBase('/', '/glossary/')).toBe('/glossary/');
    expect(joinBase('/course/', '/glossary/')).toBe('/course/glossary/');
    expect(joinBase('/course', '/learn/a/b/')).toBe('/course/learn/a/b/');
  });
  it('leaves external, protocol-relative, relative and hash links alone', () => {
    expect(joinBase('/course/', 'https://example.org/x')).toBe('https://example.org/x');
    expect(joinBase('/course/', '//cdn.example.org/x')).toBe('//cdn.example.org/x');
    expect(joinBase('/course/', '#anchor')).toBe('#anchor');
    expect(joinBase('/course/', '../x/')).toBe('../x/');
  });
  it('strips the base back off', () => {
    expect(stripBase('/course/', '/course/learn/a/')).toBe('/learn/a/');
    expect(stripBase('/', '/learn/a/')).toBe('/learn/a/');
  });
  it('builds stable lesson and glossary URLs', () => {
    expect(lessonPath('understanding/concept')).toBe('/learn/understanding/concept/');
    expect(termPath('xietiao')).toBe('/glossary/#term-xietiao');
  });
});

describe('isNoindexPath', () => {
  it('keeps slide decks, presenter views and answer keys out of the index, under any base', () => {
    for (const p of ['/learn/a/b/present/', '/course/learn/a/b/presenter/', '/teach/m/answer-key/']) expect(isNoindexPath(p)).toBe(true);
    for (const p of ['/', '/learn/a/b/', '/teach/m/handout/', '/learn/present-day/x/', '/glossary/']) expect(isNoindexPath(p)).toBe(false);
  });
});
