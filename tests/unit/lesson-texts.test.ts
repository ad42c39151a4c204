import { describe, expect, it } from 'vitest';
import { LessonTextBoard, type LessonText } from '../../src/lib/search/lesson-texts';

const text = (s: string): LessonText => ({ sections: [{ anchor: '', heading: '', text: s }], placements: [[`q-${s}`, '']] });

describe('lesson texts handed from the deck pages to the search documents', () => {
  it('gives each lesson its own text, taken in course order whatever order they were published in', async () => {
    const board = new LessonTextBoard();
    const taken: string[] = [];
    const reader = (async () => {
      for (const id of ['a', 'b', 'c']) taken.push((await board.take(id))!.sections[0]!.text);
    })();
    board.publish('c', text('C'));
    board.publish('a', text('A'));
    await Promise.resolve();
    board.publish('b', text('B'));
    await reader;
    expect(taken).toEqual(['A', 'B', 'C']);
    expect(board.handedOver).toBe(3);
    expect(board.size).toBe(0); // nothing held once taken
  });
  it('keeps the first text of a lesson published twice (a deck made again)', async () => {
    const board = new LessonTextBoard();
    board.publish('a', text('first'));
    board.publish('a', text('second'));
    expect((await board.take('a'))!.sections[0]!.text).toBe('first');
    board.publish('a', text('third'));
    expect(board.size).toBe(0);
  });
  it('answers undefined, once closed, to whoever still waits and to later readers, and holds nothing', async () => {
    const board = new LessonTextBoard();
    board.publish('a', text('A'));
    const waiting = board.take('b');
    board.close();
    expect(await waiting).toBeUndefined();
    expect(await board.take('c')).toBeUndefined();
    board.publish('d', text('D'));
    expect(board.size).toBe(0);
    expect(board.handedOver).toBe(0);
  });
});
