import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/lib/lesson/memo';

describe('boundedMemo (work shared by consecutive pages, never a value per lesson for the whole build)', () => {
  it('computes a key once while it is held', () => {
    const memo = boundedMemo<string, number>(2);
    let calls = 0;
    const make = (k: string) => (calls++, k.length);
    expect(memo.get('ab', make)).toBe(2);
    expect(memo.get('ab', make)).toBe(2);
    expect(calls).toBe(1);
  });
  it('holds at most its capacity, dropping the least recently used key', () => {
    const memo = boundedMemo<string, string>(2);
    const made: string[] = [];
    const make = (k: string) => (made.push(k), k.toUpperCase());
    memo.get('a', make);
    memo.get('b', make);
    memo.get('a', make); // a is now the most recent: b goes next
    memo.get('c', make);
    expect(memo.size).toBe(2);
    memo.get('a', make);
    memo.get('b', make); // b was dropped: made again
    expect(made).toEqual(['a', 'b', 'c', 'b']);
    expect(memo.size).toBe(2);
  });
  it('never grows past its capacity however many keys it sees', () => {
    const memo = boundedMemo<number, number>(3);
    for (let i = 0; i < 1000; i++) memo.get(i, (k) => k * 2);
    expect(memo.size).toBe(3);
    let again = 0;
    for (const k of [997, 998, 999]) memo.get(k, () => (again++, -1));
    expect(again).toBe(0);
  });
  it('rejects a capacity that could not hold anything', () => {
    expect(() => boundedMemo(0)).toThrow(RangeError);
    expect(() => boundedMemo(1.5)).toThrow(RangeError);
  });
});
