import { describe, expect, it } from 'vitest';
import { applyAction, clampSlide, keyAction, searchWithSlide, slideFromSearch, swipeAction } from '../../src/lib/classroom/deck';
import { activityMessage, channelName, gotoMessage, parseActivity, parseMessage } from '../../src/lib/classroom/sync';
import { elapsedMs, formatClock, newStopwatch, pauseStopwatch, resetStopwatch, resumeStopwatch, secondsLeft } from '../../src/lib/classroom/timer';
import { bump, distribution, emptyTally, majority } from '../../src/lib/classroom/tally';
import { seededShuffle, toLiveQuestion } from '../../src/lib/classroom/quiz';

describe('deck keys', () => {
  it('maps the presentation keys', () => {
    expect(['ArrowRight', ' ', 'PageDown'].map((k) => keyAction(k))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((k) => keyAction(k))).toEqual(['prev', 'prev']);
    expect([keyAction('Home'), keyAction('End'), keyAction('f'), keyAction('F'), keyAction('Escape')]).toEqual(['first', 'last', 'fullscreen', 'fullscreen', 'exit-fullscreen']);
    expect(keyAction('x')).toBeNull();
  });
  it('leaves keys to focused controls and fields, and to shortcuts with modifiers', () => {
    expect(keyAction(' ', { tag: 'BUTTON' })).toBeNull();
    expect(keyAction('ArrowRight', { tag: 'BUTTON' })).toBe('next');
    expect(keyAction('ArrowRight', { tag: 'SELECT' })).toBeNull();
    expect(keyAction('f', { tag: 'INPUT' })).toBeNull();
    expect(keyAction('f', { editable: true })).toBeNull();
    expect(keyAction('ArrowRight', {}, { alt: true })).toBeNull();
  });
  it('moves within the deck', () => {
    expect(applyAction(1, 'prev', 5)).toBe(1);
    expect(applyAction(5, 'next', 5)).toBe(5);
    expect(applyAction(2, 'last', 5)).toBe(5);
    expect(applyAction(4, 'first', 5)).toBe(1);
    expect(applyAction(3, 'fullscreen', 5)).toBe(3);
    expect(clampSlide(NaN, 4)).toBe(1);
    expect(clampSlide(2.7, 4)).toBe(2);
  });
  it('reads and writes ?slide= defensively', () => {
    expect(slideFromSearch('?slide=3', 10)).toBe(3);
    expect(slideFromSearch('?slide=99', 10)).toBe(10);
    for (const bad of ['', '?slide=', '?slide=abc', '?slide=-2', '?slide=1e3', '?slide=%00']) expect(slideFromSearch(bad, 10)).toBe(1);
    expect(searchWithSlide('?a=1', 4)).toBe('?a=1&slide=4');
    expect(searchWithSlide('?slide=2', 4)).toBe('?slide=4');
  });
  it('recognises horizontal swipes only', () => {
    expect(swipeAction(-120, 10)).toBe('next');
    expect(swipeAction(120, -10)).toBe('prev');
    expect(swipeAction(30, 0)).toBeNull();
    expect(swipeAction(-100, 90)).toBeNull();
    expect(swipeAction(NaN, 0)).toBeNull();
  });
});

describe('sync protocol', () => {
  it('accepts well-formed messages and rejects anything else', () => {
    const m = gotoMessage(3, 'abc');
    expect(parseMessage(JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(parseMessage({ v: 1, type: 'hello', from: 'x', role: 'presenter' })).toMatchObject({ type: 'hello' });
    expect(parseMessage({ v: 1, type: 'activity', slide: 2, state: { revealed: true }, from: 'x' })).toMatchObject({ type: 'activity', slide: 2 });
    for (const bad of [null, 'goto', [], { v: 2, type: 'goto', slide: 1, from: 'x' }, { v: 1, type: 'goto', slide: 0, from: 'x' }, { v: 1, type: 'goto', slide: 1.5, from: 'x' }, { v: 1, type: 'goto', slide: 1 }, { v: 1, type: 'hello', from: 'x', role: 'admin' }, { v: 1, type: 'nope', from: 'x' }, { v: 1, type: 'activity', slide: 1, state: [], from: 'x' }]) {
      expect(parseMessage(bad)).toBeNull();
    }
    // Scoped by lesson and by deployment (two deployments on one origin do not hear each other).
    expect(channelName('/', 'a/b')).not.toBe(channelName('/', 'a/c'));
    expect(channelName('/a/', 'x/y')).not.toBe(channelName('/b/', 'x/y'));
    expect(channelName('/a', 'x/y')).toBe(channelName('/a/', 'x/y'));
  });
  it('reads live-quiz commands and drops bad fields', () => {
    expect(parseActivity({ reveal: true })).toEqual({ reveal: true });
    expect(parseActivity({ countdown: 60, reveal: 'yes' })).toEqual({ countdown: 60 });
    expect(parseActivity({ countdown: 1 })).toEqual({});
    expect(parseActivity({ countdown: 90.5 })).toEqual({});
    expect(parseMessage(activityMessage(4, { reveal: false }, 'p'))).toMatchObject({ type: 'activity', slide: 4, state: { reveal: false } });
  });
  it('reads the display order a live quiz reports to the presenter only when it is a permutation', () => {
    expect(parseActivity({ order: [2, 0, 1], answer: ['A. x'] })).toEqual({ order: [2, 0, 1], answer: ['A. x'] });
    expect(parseActivity({ order: [0, 0, 1] })).toEqual({});
    expect(parseActivity({ order: [0, 3, 1] })).toEqual({});
    expect(parseActivity({ order: [0, 1.5] })).toEqual({});
    expect(parseActivity({ order: [] })).toEqual({});
    expect(parseActivity({ order: 'abc' })).toEqual({});
    expect(parseActivity({ order: [1, 0], answer: [1, 2] })).toEqual({ order: [1, 0] });
    expect(parseActivity({ order: [1, 0], answer: ['x'.repeat(2000)] })).toEqual({ order: [1, 0] });
  });
});

describe('timer', () => {
  it('formats clocks', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(75.9)).toBe('01:15');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-5)).toBe('00:00');
    expect(formatClock(NaN)).toBe('00:00');
  });
  it('runs a pausable stopwatch', () => {
    let w = newStopwatch(1000);
    expect(elapsedMs(w, 4000)).toBe(3000);
    w = pauseStopwatch(w, 4000);
    expect(elapsedMs(w, 9000)).toBe(3000);
    w = resumeStopwatch(w, 10000);
    expect(elapsedMs(w, 12000)).toBe(5000);
    w = resetStopwatch(w, 12000);
    expect(elapsedMs(w, 13000)).toBe(1000);
  });
  it('counts down whole seconds, never below zero', () => {
    expect(secondsLeft(60, 0, 0)).toBe(60);
    expect(secondsLeft(60, 0, 500)).toBe(60);
    expect(secondsLeft(60, 0, 1000)).toBe(59);
    expect(secondsLeft(60, 0, 61000)).toBe(0);
  });
});

describe('tally', () => {
  it('counts without going negative or out of range', () => {
    let t = emptyTally(3);
    t = bump(t, 1, 1);
    t = bump(t, 1, 1);
    t = bump(t, 0, -1);
    t = bump(t, 7, 1);
    expect(t).toEqual([0, 2, 0]);
  });
  it('gives percentages that add up to 100', () => {
    const d = distribution([1, 1, 1]);
    expect(d.map((s) => s.percent).reduce((a, b) => a + b)).toBe(100);
    expect(distribution([3, 1]).map((s) => s.percent)).toEqual([75, 25]);
    expect(distribution([0, 0]).map((s) => s.percent)).toEqual([0, 0]);
  });
  it('finds an untied majority only', () => {
    expect(majority([1, 5, 2])).toBe(1);
    expect(majority([3, 3, 1])).toBeNull();
    expect(majority([0, 0])).toBeNull();
    expect(majority([])).toBeNull();
  });
});

describe('live questions', () => {
  it('shuffles deterministically and never returns the answer order', () => {
    const items = ['a', 'b', 'c', 'd'];
    expect(seededShuffle(items, 'x')).toEqual(seededShuffle(items, 'x'));
    // Every length a question can have, many seeds: a permutation, never the authored (answer) order.
    const orders = new Set<string>();
    for (let n = 2; n <= 8; n++) {
      const list = items.concat(['e', 'f', 'g', 'h']).slice(0, n);
      for (let s = 0; s < 300; s++) {
        const out = seededShuffle(list, `q${s}`);
        expect([...out].sort()).toEqual(list);
        expect(out, `length ${n}, seed q${s}`).not.toEqual(list);
        if (n === 4) orders.add(out.join());
      }
    }
    // Still a shuffle, not one fixed rotation.
    expect(orders.size).toBeGreaterThan(10);
  });
  it('builds the answer lines per kind', () => {
    const single = toLiveQuestion({ kind: 'single', id: 'q', prompt: 'P', options: [{ text: '甲', correct: false, feedback: 'no' }, { text: '乙', correct: true, feedback: '因为' }] }, 's');
    expect(single).toMatchObject({ correct: [1], answer: ['B. 乙'], explanation: '因为', tallyable: true });
    const tf = toLiveQuestion({ kind: 'truefalse', id: 'q', prompt: 'P', answer: false, feedbackTrue: 'x', feedbackFalse: '对了' }, 's');
    expect(tf).toMatchObject({ options: ['对', '错'], correct: [1], answer: ['错'], explanation: '对了' });
    const ord = toLiveQuestion({ kind: 'ordering', id: 'q', prompt: 'P', items: [{ text: '一', feedback: 'f' }, { text: '二', feedback: 'f' }] }, 's');
    expect(ord.answer).toEqual(['1. 一', '2. 二']);
    expect(ord.tallyable).toBe(false);
  });
});

describe('live judgement question', () => {
  it('shuffles the responses and marks the most and the least effective in display order', async () => {
    const { toLiveQuestion } = await import('../../src/lib/classroom/quiz');
    const q = {
      kind: 'judgement' as const,
      id: 'j',
      prompt: '情境',
      responses: [
        { text: '最好', rank: 'best' as const, feedback: '好在哪里' },
        { text: '最差', rank: 'worst' as const, feedback: '差在哪里' },
        { text: '一般甲', rank: 'middle' as const, feedback: '一般' },
        { text: '一般乙', rank: 'middle' as const, feedback: '一般' },
      ],
    };
    const live = toLiveQuestion(q, 'quiz/j');
    expect([...live.options].sort()).toEqual(['一般乙', '一般甲', '最好', '最差'].sort());
    expect(live.options[live.correct[0]!]).toBe('最好');
    expect(live.options[live.worst[0]!]).toBe('最差');
    expect(live.tallyable).toBe(true);
    expect(live.answer).toEqual([`最有效：${'ABCD'[live.correct[0]!]}. 最好`, `最不妥：${'ABCD'[live.worst[0]!]}. 最差`]);
    expect(live.options).not.toEqual(q.responses.map((r) => r.text));
  });
});
