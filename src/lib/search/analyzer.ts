/**
 * The one analyzer shared by the index build (Node) and the browser query path, so both
 * split text the same way. No dictionary segmenter, no stemmer, no stop words.
 *
 * - fold: NFKC per code point (full-width letters, Kangxi-radical look-alikes → standard
 *   forms) and lower case. Applied per code point so a position in folded text maps back
 *   to the original text (for snippets); the source text is NFC-normalised first.
 * - tokens: a run of CJK characters becomes overlapping two-character tokens (a run of one
 *   character stays one token); a run of other letters/digits becomes one word.
 *
 * Imports between search modules carry the .ts extension so the benchmark can run them in
 * plain Node (type stripping).
 */

/** Folds one code point (already a string of 1–2 UTF-16 units). */
function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  if (c >= 0x4e00 && c <= 0x9fff) return ch; // CJK unified ideographs: NFKC identity
  return ch.normalize('NFKC').toLowerCase();
}

/** Folded text plus, for every UTF-16 unit of it, the index of its source unit. */
export interface Folded {
  text: string;
  /** map[i] = offset in the source of folded unit i; map[text.length] = source length. */
  map: number[];
}

/** Folds text and keeps a map from folded offsets back to source offsets. */
export function foldWithMap(source: string): Folded {
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of source) {
    const f = foldChar(ch);
    text += f;
    for (let k = 0; k < f.length; k++) map.push(i);
    i += ch.length;
  }
  map.push(source.length);
  return { text, map };
}

/** Code points foldChar may change: ASCII capitals and everything outside ASCII and the CJK block. */
const FOLDABLE = /[A-Z]|[^\0-\x7f\u4e00-\u9fff]/gu;

/**
 * foldWithMap(source).text, computed faster (only the code points that may change are visited;
 * long Chinese texts are mostly CJK block and ASCII), and whether its map is the identity
 * (every code point was one UTF-16 unit and stayed one), so a caller can skip building the map.
 */
export function foldText(source: string): { text: string; identity: boolean } {
  let identity = true;
  const text = source.replace(FOLDABLE, (ch) => {
    const f = foldChar(ch);
    if (ch.length !== 1 || f.length !== 1) identity = false;
    return f;
  });
  return { text, identity };
}

/** NFC, then NFKC + lower case per code point. Use for every comparison of user text with content. */
export function fold(source: string): string {
  let out = '';
  for (const ch of source.normalize('NFC')) out += foldChar(ch);
  return out;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3007\u30fc]/u;
const WORD = /[\p{L}\p{N}]/u;

type CharClass = 0 | 1 | 2; // 0 other, 1 CJK, 2 word

function classify(ch: string): CharClass {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 2 : 0;
  if (c >= 0x4e00 && c <= 0x9fff) return 1;
  if (CJK.test(ch)) return 1;
  return WORD.test(ch) ? 2 : 0;
}

/** True for an index term made of word (non-CJK) characters, e.g. "oa" or "2024". */
export function isWordTerm(term: string): boolean {
  const first = [...term][0];
  return first !== undefined && classify(first) === 2;
}

/** A token of a query with where it sits in the query text. */
export interface QueryToken {
  text: string;
  /** The token is a prefix/suffix cut of a longer run in the content: match it inside longer terms. */
  leading: boolean;
  trailing: boolean;
}

interface Run {
  kind: 1 | 2;
  chars: string[];
  atStart: boolean;
  atEnd: boolean;
}

/** Runs of CJK or word characters in already-folded text. */
function runs(folded: string): Run[] {
  const out: Run[] = [];
  let cur: Run | undefined;
  let first = true;
  for (const ch of folded) {
    const k = classify(ch);
    if (k === 0) {
      if (cur) out.push(cur);
      cur = undefined;
    } else if (cur && cur.kind === k) {
      cur.chars.push(ch);
    } else {
      if (cur) out.push(cur);
      cur = { kind: k, chars: [ch], atStart: first, atEnd: false };
    }
    first = false;
  }
  if (cur) {
    cur.atEnd = true;
    out.push(cur);
  }
  return out;
}

function runTokens(r: Run): string[] {
  if (r.kind === 2) return [r.chars.join('')];
  if (r.chars.length === 1) return [r.chars[0]!];
  const out: string[] = [];
  for (let i = 0; i + 1 < r.chars.length; i++) out.push(r.chars[i]! + r.chars[i + 1]!);
  return out;
}

/** Index-side tokens of a text (folds it first). Duplicates are kept (term frequency). */
export function tokenize(source: string): string[] {
  return runs(fold(source)).flatMap(runTokens);
}

/**
 * Query-side tokens (deduplicated, at most `max`). A run that touches either end of the
 * query may be a cut piece of a longer run in the content, so:
 * - a one-character CJK run at an edge matches any term containing that character
 *   (a single Chinese character still finds something);
 * - a word at the start matches word endings, a word at the end matches word beginnings
 *   (so typing "mee" finds "meeting").
 */
export function queryTokens(source: string, max = 48): QueryToken[] {
  const seen = new Map<string, QueryToken>();
  for (const r of runs(fold(source))) {
    if (r.kind === 1 && r.chars.length === 1) {
      add(seen, { text: r.chars[0]!, leading: r.atStart || r.atEnd, trailing: r.atStart || r.atEnd });
    } else if (r.kind === 2) {
      add(seen, { text: r.chars.join(''), leading: r.atStart, trailing: r.atEnd });
    } else {
      for (const t of runTokens(r)) add(seen, { text: t, leading: false, trailing: false });
    }
    if (seen.size >= max) break;
  }
  return [...seen.values()].slice(0, max);
}

function add(seen: Map<string, QueryToken>, t: QueryToken): void {
  const prev = seen.get(t.text);
  if (prev) {
    prev.leading ||= t.leading;
    prev.trailing ||= t.trailing;
  } else seen.set(t.text, t);
}
