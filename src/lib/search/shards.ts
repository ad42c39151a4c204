/**
 * The sharded wire format of the search index (build side writes it, the engine reads it).
 * Every file lives in one directory, SEARCH_DATA_DIR (`/search/data/`), so the offline
 * precache can take it by glob:
 *
 * - `manifest.json` (fetched once, no hash in its name): shard boundaries, fragment-file
 *   boundaries, and title, URL, type, module and aliases per document (a question's prompt is
 *   not a title; it travels in the fragments).
 * - `s<n>.<hash>.json`: shards of lunr's term-sorted inverted index, ~40 KB each. For every
 *   term, per field, the documents having it with lunr's own precomputed field-vector weight
 *   of that term (BM25 × field boost, as lunr stores it: 3 decimals, sent ×1000 as integers),
 *   so no field vectors ship. Plus, for every CJK character, a "character entry": the
 *   documents having any term containing it, with the summed weights of those terms and their
 *   number (a one-character query at an edge matches every term containing it; see engine.ts).
 * - `w.<hash>.json`: the word (non-CJK) terms, e.g. pinyin and numbers, without postings: a word
 *   at a query edge matches inside longer words, found in this list, then read from their shards.
 * - `f<n>.<hash>.json`: text fragments of consecutive documents (sections [anchor, text], and a
 *   question's prompt), fetched only for the top results (snippets and the exact-match tiers).
 *
 * A key (term or character) lives in the last shard whose first key is ≤ it, so a query needs
 * only the manifest and the shards of its own tokens.
 */
import { isWordTerm } from './analyzer.ts';

export const SEARCH_DATA_DIR = '/search/data/';
export const MANIFEST_FILE = 'manifest.json';
export const FORMAT_VERSION = 3;
/** Target size of a shard (raw JSON bytes); a single larger term makes a larger shard. */
export const SHARD_BYTES = 40_000;
/** Target size of a fragment file (raw JSON bytes). */
export const FRAGMENT_BYTES = 12_000;

/** Per field: flat [refDelta, weight×1000, refDelta, weight×1000, …], refs ascending. */
export type Posting = number[][];

export interface ShardJSON {
  v: number;
  /** Terms (sorted) and their postings. */
  t: string[];
  p: Posting[];
  /** Character entries: characters (sorted), their postings (summed weights), their term counts. */
  c: string[];
  cp: Posting[];
  ck: number[];
}

/**
 * A document in the manifest: [typeCode, title ('' for a question), aliases, moduleIndex, urlIndex,
 * pinyin of the title as space-separated syllables ('' for a question)].
 */
export type ManifestDoc = [number, string, string[], number, number, string];

export interface ManifestJSON {
  v: number;
  fields: string[];
  /** First key of each shard and its file name. */
  shards: [string, string][];
  /** File listing every word (non-CJK) term, sorted: a word at a query edge may be inside any of them. */
  words: string;
  /** First document of each fragment file and its file name. */
  frags: [number, string][];
  modules: string[];
  urls: string[];
  docs: ManifestDoc[];
}

/** A document's fragment: [prompt of a question, else '', sections [anchor, text] in page order]. */
export type Fragment = [string, [string, string][]];
export interface FragmentFileJSON {
  v: number;
  docs: Fragment[];
}

/** Index of the last boundary ≤ key (0 if key is before all). Boundaries sorted ascending. */
export function locate<T>(bounds: [T, string][], key: T): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]![0] <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Decodes a posting into per field: refs ascending with weights (as lunr holds them). */
export function decodePosting(p: Posting): { refs: number[]; w: number[] }[] {
  return p.map((flat) => {
    const refs: number[] = [];
    const w: number[] = [];
    let ref = 0;
    for (let i = 0; i < flat.length; i += 2) {
      refs.push((ref += flat[i]!));
      w.push(flat[i + 1]! / 1000);
    }
    return { refs, w };
  });
}

/** lunr's serialised index (toJSON), as lunr's own Builder writes it (the reference path, tests). */
export interface LunrIndexJSON {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown>][];
}

/** One field's documents having a term: refs ascending, with lunr's field-vector weight of the term. */
export interface FieldPosting {
  refs: number[];
  w: number[];
}
/** Input of the shard writer: term → per field (in the manifest's field order) its posting. */
export type TermWeights = Map<string, FieldPosting[]>;

/** lunr's serialised index taken apart into TermWeights (what writeShards needs of it). */
export function weightsFromLunr(index: LunrIndexJSON): TermWeights {
  const fields = index.fields;
  const termOf = new Map<number, string>();
  for (const [term, posting] of index.invertedIndex) termOf.set(posting._index as number, term);
  const maps = new Map<string, Map<number, number>[]>(); // term → per field: ref → weight
  for (const [fieldRef, elems] of index.fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const f = fields.indexOf(fieldRef.slice(0, slash));
    const ref = Number(fieldRef.slice(slash + 1));
    for (let i = 0; i < elems.length; i += 2) {
      const term = termOf.get(elems[i]!)!;
      let per = maps.get(term);
      if (!per) maps.set(term, (per = fields.map(() => new Map())));
      per[f]!.set(ref, elems[i + 1]!);
    }
  }
  const out: TermWeights = new Map();
  for (const [term, per] of maps) {
    out.set(
      term,
      per.map((m) => {
        const refs = [...m.keys()].sort((a, b) => a - b);
        return { refs, w: refs.map((r) => m.get(r)!) };
      }),
    );
  }
  return out;
}

export interface DocInfo {
  type: number;
  title: string;
  aliases: string[];
  module: string;
  url: string;
  /** A question's prompt (shown as its title, not indexed as one). */
  prompt: string;
  /** Pinyin of the title, syllables separated by spaces ('' for a question). */
  pinyin: string;
  sections: [string, string][];
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3007\u30fc]/u;

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

function shortHash(s: string): string {
  // FNV-1a, 32 bits: enough to tell builds apart in a file name (cache busting, not security).
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** A posting as sent: per field flat [refDelta, weight×1000, …]. */
function encode(perField: FieldPosting[]): Posting {
  return perField.map(({ refs, w }) => {
    const out = new Array<number>(refs.length * 2);
    let prev = 0;
    for (let i = 0; i < refs.length; i++) {
      out[2 * i] = refs[i]! - prev;
      out[2 * i + 1] = Math.round(w[i]! * 1000);
      prev = refs[i]!;
    }
    return out;
  });
}

/**
 * Character entries: for every CJK character, per field and document, the weights of the terms
 * containing it summed in term order (as floating point sums depend on their order), and how many
 * terms contain it. One character at a time over a dense scratch array (documents are 0…n-1), instead
 * of a Map per character, field and document.
 */
function characterEntries(terms: string[], weights: TermWeights, nFields: number): Map<string, { per: FieldPosting[]; k: number }> {
  const termsOf = new Map<string, FieldPosting[][]>();
  let n = 0;
  for (const term of terms) {
    const per = weights.get(term)!;
    for (const ch of new Set(term)) {
      if (!CJK_CHAR.test(ch)) continue;
      const list = termsOf.get(ch);
      if (list) list.push(per);
      else termsOf.set(ch, [per]);
    }
    for (const p of per) if (p.refs.length) n = Math.max(n, p.refs[p.refs.length - 1]! + 1);
  }
  const sums = Array.from({ length: nFields }, () => new Float64Array(n));
  const marks = Array.from({ length: nFields }, () => new Int32Array(n));
  const touched: number[][] = Array.from({ length: nFields }, () => []);
  let stamp = 0;
  const out = new Map<string, { per: FieldPosting[]; k: number }>();
  for (const [ch, list] of termsOf) {
    stamp++;
    for (const per of list) {
      for (let f = 0; f < nFields; f++) {
        const { refs, w } = per[f]!;
        const sum = sums[f]!;
        const seen = touched[f]!;
        const mark = marks[f]!;
        for (let i = 0; i < refs.length; i++) {
          const ref = refs[i]!;
          // (A weight can be 0: lunr rounds to 3 decimals, and a term in about every document has an idf near 0.)
          if (mark[ref] !== stamp) {
            mark[ref] = stamp;
            seen.push(ref);
          }
          sum[ref] += w[i]!;
        }
      }
    }
    const per: FieldPosting[] = [];
    for (let f = 0; f < nFields; f++) {
      const sum = sums[f]!;
      const refs = touched[f]!.sort((a, b) => a - b);
      per.push({ refs, w: refs.map((ref) => sum[ref]!) });
      for (const ref of refs) sum[ref] = 0;
      touched[f] = [];
    }
    out.set(ch, { per, k: list.length });
  }
  return out;
}

/** Two sorted lists of distinct strings merged into one, sorted, without duplicates. */
function mergeSorted(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  return out;
}

/**
 * Writes the manifest, the shards and the fragment files: file name → JSON text.
 * `weights` holds lunr's field-vector weights (see build.ts), `fields` their field names.
 */
export function writeShards(weights: TermWeights, fields: string[], docs: DocInfo[], opts: { shardBytes?: number; fragmentBytes?: number } = {}): Map<string, string> {
  const shardBytes = opts.shardBytes ?? SHARD_BYTES;
  const fragmentBytes = opts.fragmentBytes ?? FRAGMENT_BYTES;
  const terms = [...weights.keys()].sort();
  const chars = characterEntries(terms, weights, fields.length);
  const keys = mergeSorted(terms, [...chars.keys()].sort());

  // A shard's JSON is assembled from the JSON of its parts (the same text as JSON.stringify of the
  // ShardJSON object, whose sizes are counted on the way anyway).
  const files = new Map<string, string>();
  const shards: [string, string][] = [];
  let cur: { t: string[]; p: string[]; c: string[]; cp: string[]; ck: number[] } | undefined;
  let curBytes = 0;
  let curFirst = '';
  const flush = () => {
    if (!cur) return;
    const text = `{"v":${FORMAT_VERSION},"t":[${cur.t.join(',')}],"p":[${cur.p.join(',')}],"c":[${cur.c.join(',')}],"cp":[${cur.cp.join(',')}],"ck":[${cur.ck.join(',')}]}`;
    const name = `s${shards.length}.${shortHash(text)}.json`;
    shards.push([curFirst, name]);
    files.set(name, text);
    cur = undefined;
  };
  for (const key of keys) {
    if (!cur) {
      cur = { t: [], p: [], c: [], cp: [], ck: [] };
      curBytes = 0;
      curFirst = key;
    }
    const w = weights.get(key);
    if (w) {
      const p = JSON.stringify(encode(w));
      cur.t.push(JSON.stringify(key));
      cur.p.push(p);
      curBytes += key.length * 3 + p.length;
    }
    const c = chars.get(key);
    if (c) {
      const p = JSON.stringify(encode(c.per));
      cur.c.push(JSON.stringify(key));
      cur.cp.push(p);
      cur.ck.push(c.k);
      curBytes += 8 + p.length;
    }
    if (curBytes >= shardBytes) flush();
  }
  flush();
  const wordList = JSON.stringify(terms.filter(isWordTerm));
  const words = `w.${shortHash(wordList)}.json`;
  files.set(words, wordList);

  // Fragments: consecutive documents, grouped up to about fragmentBytes.
  const frags: [number, string][] = [];
  let group: Fragment[] = [];
  let groupFirst = 0;
  let groupBytes = 0;
  const flushFrag = () => {
    if (!group.length) return;
    const text = JSON.stringify({ v: FORMAT_VERSION, docs: group } satisfies FragmentFileJSON);
    const name = `f${frags.length}.${shortHash(text)}.json`;
    frags.push([groupFirst, name]);
    files.set(name, text);
    group = [];
    groupBytes = 0;
  };
  docs.forEach((d, ref) => {
    if (!group.length) groupFirst = ref;
    const frag: Fragment = [d.prompt, d.sections];
    group.push(frag);
    groupBytes += utf8Bytes(JSON.stringify(frag));
    if (groupBytes >= fragmentBytes) flushFrag();
  });
  flushFrag();

  const modules: string[] = [];
  const urls: string[] = [];
  const intern = (list: string[], map: Map<string, number>, s: string) => {
    let i = map.get(s);
    if (i === undefined) map.set(s, (i = list.push(s) - 1));
    return i;
  };
  const mMap = new Map<string, number>();
  const uMap = new Map<string, number>();
  const manifest: ManifestJSON = {
    v: FORMAT_VERSION,
    fields,
    shards,
    words,
    frags,
    modules,
    urls,
    docs: docs.map((d): ManifestDoc => [d.type, d.title, d.aliases, intern(modules, mMap, d.module), intern(urls, uMap, d.url), d.pinyin]),
  };
  files.set(MANIFEST_FILE, JSON.stringify(manifest));
  return files;
}
