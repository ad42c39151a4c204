import { describe, expect, it } from 'vitest';
import { sharedBy } from '../../src/lib/classroom/shared';
import { deckPaths, presentPath, presenterPath } from '../../src/lib/classroom/paths';
import { nextTermSeq } from '../../src/components/author/term-ids';

describe('sharedBy (one deck per lesson for its two pages, issue 17)', () => {
  it('makes a value once for its two readers, then forgets it', () => {
    let made = 0;
    const take = sharedBy<number>(2, 8);
    const make = () => ++made;
    expect(take('a', make)).toBe(1);
    expect(take('a', make)).toBe(1);
    expect(made).toBe(1);
    // A third reader gets a fresh value: the first was dropped after its second use.
    expect(take('a', make)).toBe(2);
  });
  it('holds at most maxHeld values, whatever the order of the readers', () => {
    const made: string[] = [];
    const take = sharedBy<string>(2, 3);
    const make = (k: string) => () => (made.push(k), k);
    for (const k of ['a', 'b', 'c', 'd', 'e']) take(k, make(k));
    // 'a' and 'b' were dropped to keep three: their second readers make them again.
    take('a', make('a'));
    take('e', make('e'));
    expect(made).toEqual(['a', 'b', 'c', 'd', 'e', 'a']);
  });
});

describe('deckPaths', () => {
  it("lists each lesson's present and presenter pages next to each other, at their URLs", () => {
    const paths = deckPaths([{ id: 'm1/one' }, { id: 'm1/two' }, { id: 'm2/three' }]);
    expect(paths.map((p) => `/learn/${p.params.module}/${p.params.lesson}/${p.params.view}/`)).toEqual(
      ['m1/one', 'm1/two', 'm2/three'].flatMap((id) => [presentPath(id), presenterPath(id)]),
    );
    for (let i = 0; i < paths.length; i += 2) expect(paths[i]!.props.lesson).toBe(paths[i + 1]!.props.lesson);
  });
});

describe('nextTermSeq (tooltip ids numbered per render)', () => {
  it('counts per scope, from 1', () => {
    const page1 = {};
    const page2 = {};
    expect([nextTermSeq(page1), nextTermSeq(page1), nextTermSeq(page2), nextTermSeq(page1)]).toEqual([1, 2, 1, 3]);
  });
});
