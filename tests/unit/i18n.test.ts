import { describe, expect, it } from 'vitest';
import { format, formatDuration, pick, plural, readStrings } from '../../src/i18n/format';
import { duration, t } from '../../src/i18n';

describe('the one formatter', () => {
  it('fills placeholders; a missing one stays visible; server t() and browser pick() share the rule', () => {
    expect(format('找到 {n} 条，显示前 {shown} 条', { n: 3, shown: 0 })).toBe('找到 3 条，显示前 0 条');
    expect(format('{q} 与 {missing}', { q: 'x' })).toBe('x 与 {missing}');
    expect(pick({ a: '共 {n} 课' }, 'a', { n: 2 })).toBe('共 2 课');
    expect(pick({}, 'no.such.key')).toBe('no.such.key');
    expect(t('search.count', { n: 5 })).toBe(format('找到 {n} 条结果', { n: 5 }));
    expect(t('search.count')).toContain('{n}');
  });
  it('chooses a form by count (Intl.PluralRules), with an optional zero form', () => {
    expect(plural(0, { zero: '还没有', other: '{n} 个' })).toBe('还没有');
    expect(plural(1, { one: 'one', other: 'other' })).toBe('other'); // zh-CN has one category
    expect(plural(1, { one: 'one', other: 'other' }, 'en')).toBe('one');
    expect(plural(0, { other: 'other' })).toBe('other');
  });
  it('reads strings passed in data-strings, and survives a broken attribute', () => {
    const el = (v: string | null) => ({ getAttribute: (name: string) => (name === 'data-strings' ? v : null) }) as unknown as Element;
    expect(readStrings(el('{"a":"甲"}'))).toEqual({ a: '甲' });
    expect(readStrings(el('{broken'))).toEqual({});
    expect(readStrings(null)).toEqual({});
  });
});

describe('the one time format (issue 16)', () => {
  it('hours and minutes, whole hours, minutes only; rounded; never negative', () => {
    expect(duration(795)).toBe('约 13 小时 15 分钟');
    expect(duration(120)).toBe('约 2 小时');
    expect(duration(45)).toBe('约 45 分钟');
    expect(duration(59.6)).toBe('约 1 小时');
    expect(duration(-5)).toBe('约 0 分钟');
    expect(duration(Number.NaN)).toBe('约 0 分钟');
    const forms = { hm: '{h}h{m}m', h: '{h}h', m: '{m}m' };
    expect(formatDuration(61, forms)).toBe('1h1m');
    expect(t('time.hm', { h: 1, m: 2 })).toBe(duration(62));
  });
});
