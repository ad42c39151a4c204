import { describe, expect, it } from 'vitest';
import { fold, foldText, foldWithMap, queryTokens, tokenize } from '../../src/lib/search/analyzer';
import { isSearchShortcut, isTypingTarget, moveActive } from '../../src/lib/search/keys';
import { format as fill } from '../../src/i18n/format';

describe('fold', () => {
  it('applies NFKC and lower case: full-width Latin, Kangxi radicals, ligatures', () => {
    expect(fold('ＡＢＣ１２３')).toBe('abc123');
    expect(fold('\u2F54')).toBe('水'); // KANGXI RADICAL WATER → 水
    expect(fold('Ｏｆｆｉｃｅ')).toBe('office');
    expect(fold('ﬁle')).toBe('file');
  });
  it('maps folded offsets back to the source', () => {
    const src = 'ＡＢ协调ﬁ';
    const f = foldWithMap(src);
    expect(f.text).toBe('ab协调fi');
    expect(f.map).toEqual([0, 1, 2, 3, 4, 4, 5]);
  });
  it('foldText gives foldWithMap\'s text, and says when the map is the identity', () => {
    // Every kind of code point: ASCII (capitals), CJK block, full-width forms and punctuation,
    // ligatures, Kangxi radicals, circled digits, astral characters, lone surrogates, combining marks.
    const pool = ['A', 'z', 'Q', '0', ' ', '\n', '<', '协', '调', '，', '。', '：', '（', 'Ａ', 'ｆ', '１', 'ﬁ', '\u2F54', '①', '㎡', '𠀋', '😀', '\ud800', '\udc00', 'é', 'e\u0301', 'Σ', 'İ', 'ǅ'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 500; n++) {
      const s = Array.from({ length: Math.floor(rand() * 12) }, () => pool[Math.floor(rand() * pool.length)]).join('');
      const slow = foldWithMap(s);
      const fast = foldText(s);
      expect(fast.text, JSON.stringify(s)).toBe(slow.text);
      expect(fast.identity, JSON.stringify(s)).toBe(slow.map.every((v, i) => v === i));
    }
    expect(foldText('协调，ＯＡ').identity).toBe(true);
    expect(foldText('ﬁ').identity).toBe(false);
    expect(foldText('𠀋').identity).toBe(false);
  });
});

describe('tokenize (index side)', () => {
  it('turns a Chinese run into overlapping bigrams', () => {
    expect(tokenize('协调工作')).toEqual(['协调', '调工', '工作']);
  });
  it('keeps a one-character run as one token', () => {
    expect(tokenize('谁,我')).toEqual(['谁', '我']);
  });
  it('splits Latin and number runs into words, lower-cased, and splits at script changes', () => {
    expect(tokenize('OA系统 v2.0 会议')).toEqual(['oa', '系统', 'v2', '0', '会议']);
  });
  it('drops punctuation, emoji and spaces; no stop words are removed', () => {
    expect(tokenize('“的”😀!的 the')).toEqual(['的', '的', 'the']);
  });
  it('gives the same tokens for full-width and half-width input', () => {
    expect(tokenize('ＯＡ办公')).toEqual(tokenize('oa办公'));
  });
});

describe('queryTokens (query side)', () => {
  it('uses the same bigrams as the index, deduplicated', () => {
    expect(queryTokens('协调协调').map((t) => t.text)).toEqual(['协调', '调协']);
    expect(queryTokens('协调工作').map((t) => t.text)).toEqual(tokenize('协调工作'));
  });
  it('marks a single Chinese character at an edge to match inside longer terms', () => {
    expect(queryTokens('调')).toEqual([{ text: '调', leading: true, trailing: true }]);
  });
  it('marks a word at the start / end of the query as a possible cut piece', () => {
    const [a, b] = queryTokens('ting 会议 mee');
    expect(queryTokens('ting 会议 mee').map((t) => t.text)).toEqual(['ting', '会议', 'mee']);
    expect(a).toMatchObject({ leading: true, trailing: false });
    expect(b).toMatchObject({ leading: false, trailing: false });
    expect(queryTokens('ting 会议 mee')[2]).toMatchObject({ leading: false, trailing: true });
  });
  it('returns nothing for text without letters or digits', () => {
    for (const q of ['', '   ', '!!!', '😀😀', '\u0000', '~^*+-:']) expect(queryTokens(q)).toEqual([]);
  });
  it('caps the number of tokens', () => {
    expect(queryTokens('协调'.repeat(10) + '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥', 8)).toHaveLength(8);
  });
});

describe('keyboard rules', () => {
  it('"/" and Ctrl/⌘+K are the shortcut outside fields', () => {
    const body = { tagName: 'BODY' };
    expect(isSearchShortcut({ key: '/' }, body)).toBe(true);
    expect(isSearchShortcut({ key: 'k', ctrlKey: true }, body)).toBe(true);
    expect(isSearchShortcut({ key: 'K', metaKey: true }, body)).toBe(true);
    expect(isSearchShortcut({ key: 'k' }, body)).toBe(false);
    expect(isSearchShortcut({ key: '/', ctrlKey: true }, body)).toBe(false);
  });
  it('never fires while typing in a field or composing', () => {
    for (const target of [{ tagName: 'INPUT', type: 'text' }, { tagName: 'textarea' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
      expect(isTypingTarget(target)).toBe(true);
      expect(isSearchShortcut({ key: '/' }, target)).toBe(false);
      expect(isSearchShortcut({ key: 'k', ctrlKey: true }, target)).toBe(false);
    }
    expect(isSearchShortcut({ key: '/', isComposing: true }, { tagName: 'BODY' })).toBe(false);
    expect(isSearchShortcut({ key: '/', keyCode: 229 }, { tagName: 'BODY' })).toBe(false);
    // Checkboxes and buttons are not text fields.
    expect(isSearchShortcut({ key: '/' }, { tagName: 'INPUT', type: 'checkbox' })).toBe(true);
    expect(isSearchShortcut({ key: '/' }, { tagName: 'BUTTON' })).toBe(true);
  });
  it('arrows wrap around the list', () => {
    expect(moveActive('ArrowDown', -1, 3)).toBe(0);
    expect(moveActive('ArrowDown', 2, 3)).toBe(0);
    expect(moveActive('ArrowUp', 0, 3)).toBe(2);
    expect(moveActive('ArrowUp', -1, 3)).toBe(2);
    expect(moveActive('End', 0, 3)).toBe(2);
    expect(moveActive('ArrowDown', 0, 0)).toBe(-1);
  });
  it('fills placeholders', () => {
    expect(fill('找到 {n} 条结果,显示前 {shown} 条', { n: 3, shown: 2 })).toBe('找到 3 条结果,显示前 2 条');
    expect(fill('{q}', {})).toBe('{q}');
  });
});
