/**
 * Query side over the sharded index (shards.ts): loads the manifest once, then per query only
 * the shards holding the query's tokens and the fragments of the top results.
 * - Scoring is lunr's: the query's postings (with lunr's own precomputed field weights) are
 *   loaded into a small lunr.Index holding just those terms, and lunr.Index.query() scores it.
 *   The query is built from the shared analyzer's tokens, all required (the matching pages are
 *   found from the postings first; lunr scores those that can reach the top); user text never
 *   reaches index.search() (no lunr query syntax, so nothing to throw on).
 * - Kept between queries (1,000 lessons: p95 66 → under 20 ms): decoded postings, and each
 *   loaded document's folded text (exact-match tiers and snippets), see MAX_FOLDED_CHARS.
 * - A token cut at a query edge matches inside longer terms: a CJK character through its
 *   character entry (every term containing it, built at build time), a word through the word
 *   terms (expanded here). Such a token is one lunr term whose weights are the sum over its
 *   expansions, with boost √k and weights divided by √k, which gives lunr exactly the score
 *   of k separate optional clauses (dot product and query-vector norm unchanged).
 * - If that finds nothing: pages matching most of the tokens (partial results).
 * - Re-ranking: title (then alias) equals the query > title contains it > text contains it > partial,
 *   then lunr's score. Titles are in the manifest; whether the text contains the query is known
 *   from the postings for a one-token query and read from the fragments of the top results
 *   otherwise (until the top `limit` are all checked).
 * - Snippets around the first exact match (else the first token), HTML-escaped, then <mark>.
 */
import lunr from 'lunr';
import { fold, foldText, foldWithMap, isWordTerm, queryTokens, type QueryToken } from './analyzer.ts';
import { DOC_TYPES, type DocType } from './types.ts';
import { MANIFEST_FILE, decodePosting, locate, type FragmentFileJSON, type ManifestJSON, type ShardJSON } from './shards.ts';

export interface SearchResult {
  /** Position of the document in the manifest. */
  ref: number;
  type: DocType;
  title: string;
  module: string;
  /** Link to the page, to the section of the first match where known. */
  url: string;
  /** HTML: escaped text around the match with the match in <mark>. */
  snippet: string;
  /** The whole query (folded) occurs in the title or text. */
  exact: boolean;
  /** 0 title = query, 1 an alias = query, 2 title/alias contains it, 3 text contains it, 4 partial. */
  tier: number;
  score: number;
}

export interface SearchOutcome {
  results: SearchResult[];
  /** Number of matching documents (after the type filter, before the limit). */
  total: number;
  /** Matching documents per type (before the type filter). */
  counts: Record<DocType, number>;
  /** True when no page had every token and the results match only some of them. */
  partial: boolean;
  /** The query had no searchable characters. */
  empty: boolean;
}

export interface SearchOptions {
  /** Keep only these types (all when empty or absent). */
  types?: readonly DocType[];
  /** Maximum results returned (default 50). */
  limit?: number;
}

/** Fetches a search data file by name (relative to the data directory) and parses its JSON. */
export type FetchJson = (file: string) => Promise<unknown>;

interface Doc {
  type: DocType;
  title: string;
  titles: string[]; // folded title + aliases ('' title for a question until its fragment is read)
  /** Pinyin of the title: syllables joined, and their initials ('' for a question). */
  pinyin: [string, string];
  module: string;
  url: string;
  /** The document's text, once its fragment file is loaded (kept: it is what a result shows). */
  body?: Body;
}

/** A document's sections joined by '\n', where each starts, their anchors, and its folded text. */
interface Body {
  source: string;
  starts: number[];
  anchors: string[];
  /** foldWithMap(source).text, computed on first use and kept (see SearchEngine.folded). */
  folded?: string;
  /** The folded text's map back to the source is the identity (else `map`, built for a snippet). */
  identity?: boolean;
  map?: Uint32Array;
}

/** A decoded posting: per field, refs ascending and lunr's weights. */
type Decoded = { refs: number[]; w: number[] }[];

interface LoadedShard {
  terms: Map<string, ShardJSON['p'][number]>;
  chars: Map<string, { p: ShardJSON['p'][number]; k: number }>;
}

/** Tokens come from the first 200 characters; the exact-phrase check uses up to 10,000. */
const MAX_QUERY_CHARS = 200;
const MAX_PHRASE_CHARS = 10_000;
const SNIPPET_BEFORE = 20;
const SNIPPET_AFTER = 60;
/** Rounds of "read the top results' fragments, re-rank" before giving up on unchecked ones. */
const MAX_RERANK_ROUNDS = 6;
/**
 * Folded texts kept between queries, in characters (≈ 2 bytes each): the exact-match check of a
 * broad query reads the folded text of up to a few hundred documents, so folding them again on
 * every query would cost more than the scoring. Least recently used ones are dropped past this.
 */
const MAX_FOLDED_CHARS = 4_000_000;
/** Fields made of the document's own text (not its title, not pinyin). */
const TEXT_FIELDS = new Set(['headings', 'body']);

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** lunr metadata of a posting (none: no positions are indexed); lunr copies it, never changes it. */
const NO_METADATA = Object.freeze({});

const zeroCounts = (): Record<DocType, number> => ({ lesson: 0, case: 0, term: 0, quiz: 0 });

export class SearchEngine {
  readonly manifest: ManifestJSON;
  readonly docs: Doc[];
  private readonly fetchJson: FetchJson;
  private readonly shards = new Map<number, Promise<LoadedShard>>();
  private readonly fragFiles = new Map<number, Promise<void>>();
  private words: Promise<string[]> | undefined;
  private readonly decoded = new Map<string, { d: Decoded; k: number } | null>();
  /** Documents whose folded text is held, least recently used first, and the characters held. */
  private readonly foldedLru = new Map<Doc, number>();
  private foldedChars = 0;
  /** Names of the shard files fetched so far (for tests and the benchmark). */
  readonly fetched: string[] = [];

  private constructor(manifest: ManifestJSON, fetchJson: FetchJson) {
    if (manifest.v !== 3) throw new Error(`search manifest: unknown format ${String(manifest.v)}`);
    this.manifest = manifest;
    this.fetchJson = fetchJson;
    this.docs = manifest.docs.map(([t, title, aliases, m, u, py]) => ({
      type: DOC_TYPES[t] ?? 'lesson',
      title,
      titles: [title, ...aliases].map(fold),
      pinyin: [py.replace(/ /g, ''), py.split(' ').map((x) => x[0] ?? '').join('')],
      module: manifest.modules[m] ?? '',
      url: manifest.urls[u] ?? '',
    }));
  }

  /** Loads the manifest (the only file needed before the first query). */
  static async open(fetchJson: FetchJson): Promise<SearchEngine> {
    const manifest = (await fetchJson(MANIFEST_FILE)) as ManifestJSON;
    return new SearchEngine(manifest, fetchJson);
  }

  private file(name: string): Promise<unknown> {
    this.fetched.push(name);
    return this.fetchJson(name);
  }

  private shard(i: number): Promise<LoadedShard> {
    let s = this.shards.get(i);
    if (!s) {
      s = this.file(this.manifest.shards[i]![1]).then((raw) => {
        const j = raw as ShardJSON;
        return {
          terms: new Map(j.t.map((t, k) => [t, j.p[k]!])),
          chars: new Map(j.c.map((c, k) => [c, { p: j.cp[k]!, k: j.ck[k]! }])),
        };
      });
      s.catch(() => this.shards.delete(i));
      this.shards.set(i, s);
    }
    return s;
  }

  /** Loads the fragment files holding these documents. */
  private async fragments(refs: Iterable<number>): Promise<void> {
    const files = new Set<number>();
    for (const ref of refs) if (!this.docs[ref]?.body) files.add(locate(this.manifest.frags, ref));
    await Promise.all(
      [...files].map((i) => {
        let p = this.fragFiles.get(i);
        if (!p) {
          const [first, name] = this.manifest.frags[i]!;
          p = this.file(name).then((raw) => {
            (raw as FragmentFileJSON).docs.forEach((f, k) => {
              const d = this.docs[first + k];
              if (!d) return;
              const starts: number[] = [];
              const anchors: string[] = [];
              const parts: string[] = [];
              let at = 0;
              for (const [anchor, text] of f[1]) {
                starts.push(at);
                anchors.push(anchor);
                parts.push(text);
                at += text.length + 1;
              }
              d.body = { source: parts.join('\n'), starts, anchors };
              if (d.type === 'quiz') {
                d.title = f[0];
                d.titles = [fold(f[0])];
              }
            });
          });
          p.catch(() => this.fragFiles.delete(i));
          this.fragFiles.set(i, p);
        }
        return p;
      }),
    );
  }

  /** Posting of one query token (cached): exact term, character entry, or word expansions summed. */
  private async posting(t: QueryToken): Promise<{ d: Decoded; k: number } | null> {
    const key = `${t.leading ? '*' : ''}${t.text}${t.trailing ? '*' : ''}`;
    if (this.decoded.has(key)) return this.decoded.get(key)!;
    let out: { d: Decoded; k: number } | null = null;
    const shards = this.manifest.shards;
    if (!t.leading && !t.trailing) {
      const p = (await this.shard(locate(shards, t.text))).terms.get(t.text);
      out = p ? { d: decodePosting(p), k: 1 } : null;
    } else if (!isWordTerm(t.text)) {
      // A CJK character at an edge: every term containing it (the analyzer only cuts CJK runs to one character).
      const c = (await this.shard(locate(shards, t.text))).chars.get(t.text);
      out = c ? { d: decodePosting(c.p), k: c.k } : null;
    } else {
      // A word at an edge: the word terms that end with / start with / contain it, summed.
      this.words ??= this.file(this.manifest.words).then((w) => w as string[]);
      this.words.catch(() => (this.words = undefined));
      const matches = (await this.words).filter((term) =>
        t.leading && t.trailing ? term.includes(t.text) : t.leading ? term.endsWith(t.text) : term.startsWith(t.text),
      );
      const sums = this.manifest.fields.map(() => new Map<number, number>());
      let k = 0;
      await Promise.all([...new Set(matches.map((term) => locate(shards, term)))].map((i) => this.shard(i)));
      for (const term of matches) {
        const p = (await this.shard(locate(shards, term))).terms.get(term);
        if (!p) continue;
        k++;
        decodePosting(p).forEach(({ refs, w }, f) => refs.forEach((r, i) => sums[f]!.set(r, (sums[f]!.get(r) ?? 0) + w[i]!)));
      }
      out = k
        ? {
            d: sums.map((m) => {
              const refs = [...m.keys()].sort((a, b) => a - b);
              return { refs, w: refs.map((r) => m.get(r)!) };
            }),
            k,
          }
        : null;
    }
    if (this.decoded.size > 200) this.decoded.clear();
    this.decoded.set(key, out);
    return out;
  }

  /** Documents having at least `minTokens` of the query's tokens (in any field), ascending. */
  private matching(postings: ({ d: Decoded; k: number } | null)[], minTokens: number): number[] {
    const count = new Uint8Array(this.docs.length);
    const last = new Int16Array(this.docs.length).fill(-1);
    postings.forEach((p, i) => {
      for (const { refs } of p?.d ?? []) {
        for (const r of refs) {
          if (last[r] !== i) {
            last[r] = i;
            count[r] = count[r]! + 1;
          }
        }
      }
    });
    const out: number[] = [];
    for (let r = 0; r < count.length; r++) if (count[r]! >= minTokens) out.push(r);
    return out;
  }

  /**
   * lunr scores these documents: a lunr.Index holding only the query's tokens (term "i" = token i)
   * with their postings and field vectors made of lunr's precomputed weights, restricted to the
   * documents to score. A document's lunr score depends only on its own field vectors and the
   * query, so leaving the others out of the small index changes no score.
   */
  private score(postings: ({ d: Decoded; k: number } | null)[], docs: readonly number[]): Map<number, number> {
    const fields = this.manifest.fields;
    const wanted = new Uint8Array(this.docs.length);
    for (const r of docs) wanted[r] = 1;
    const invertedIndex: Record<string, Record<string, unknown>> = Object.create(null);
    const vectors = new Map<string, number[]>();
    const names: string[] = [];
    postings.forEach((p, i) => {
      if (!p) return;
      const name = String(i);
      names.push(name);
      const entry: Record<string, unknown> = { _index: i };
      const norm = Math.sqrt(p.k);
      fields.forEach((field, f) => {
        const refs: Record<string, object> = {};
        const { refs: rs, w } = p.d[f] ?? { refs: [], w: [] };
        for (let j = 0; j < rs.length; j++) {
          if (!wanted[rs[j]!]) continue;
          refs[rs[j]!] = NO_METADATA;
          const fieldRef = `${field}/${rs[j]}`;
          let v = vectors.get(fieldRef);
          if (!v) vectors.set(fieldRef, (v = []));
          v.push(i, w[j]! / norm);
        }
        entry[field] = refs;
      });
      invertedIndex[name] = entry;
    });
    const fieldVectors: Record<string, lunr.Vector> = {};
    for (const [ref, v] of vectors) fieldVectors[ref] = new lunr.Vector(v);
    // @types/lunr leaves out fieldVectors and TokenSet.fromArray, both public in lunr 2.3.9.
    const TokenSet = lunr.TokenSet as unknown as { fromArray(a: string[]): lunr.TokenSet };
    const index = new lunr.Index({
      invertedIndex: invertedIndex as never,
      fieldVectors,
      tokenSet: TokenSet.fromArray([...names].sort()),
      fields,
      pipeline: new lunr.Pipeline(),
    } as unknown as lunr.Index.Attributes);
    // Which documents match (every token, or most of them) is decided before (matching()), so the
    // terms are OPTIONAL: presence does not enter a score, and lunr skips its per-field set unions
    // and intersections over every matching document (most of a broad query's time at 1,000 lessons).
    const hits = index.query((q) => {
      postings.forEach((p, i) => {
        q.term(String(i), {
          presence: lunr.Query.presence.OPTIONAL,
          usePipeline: false,
          boost: Math.sqrt(p?.k ?? 1),
        });
      });
    });
    return new Map(hits.map((h) => [Number(h.ref), h.score]));
  }

  /** Folded text of a loaded document, kept between queries (least recently used dropped past MAX_FOLDED_CHARS). */
  private folded(d: Doc & { body: Body }): string {
    const b = d.body;
    if (b.folded === undefined) {
      const { text, identity } = foldText(b.source);
      // Text that folding leaves unchanged is held once.
      b.folded = text === b.source ? b.source : text;
      b.identity = identity;
      const n = b.folded === b.source ? 0 : b.folded.length;
      this.foldedLru.set(d, n);
      this.foldedChars += n;
      for (const [old, chars] of this.foldedLru) {
        if (this.foldedChars <= MAX_FOLDED_CHARS || old === d) break;
        this.foldedLru.delete(old);
        this.foldedChars -= chars;
        if (old.body) old.body.folded = old.body.identity = old.body.map = undefined;
      }
    } else {
      const n = this.foldedLru.get(d);
      if (n !== undefined) {
        this.foldedLru.delete(d);
        this.foldedLru.set(d, n);
      }
    }
    return b.folded;
  }

  async search(input: unknown, opts: SearchOptions = {}): Promise<SearchOutcome> {
    const text = typeof input === 'string' ? input.slice(0, MAX_QUERY_CHARS) : '';
    const tokens = queryTokens(text);
    if (!tokens.length) return { results: [], total: 0, counts: zeroCounts(), partial: false, empty: true };
    const phrase = fold(typeof input === 'string' ? input.slice(0, MAX_PHRASE_CHARS) : '').trim().replace(/\s+/g, ' ');
    const postings = await Promise.all(tokens.map((t) => this.posting(t)));

    // Pages having every token (lunr's REQUIRED presence: in any field); if none, pages having at
    // least half of them (partial results).
    let partial = false;
    let hits = postings.every((p) => p) ? this.matching(postings, tokens.length) : [];
    if (!hits.length && tokens.length > 1) {
      partial = true;
      hits = this.matching(postings, Math.max(1, Math.ceil(tokens.length / 2)));
    }
    // One token that is the whole query: a document having it in its text contains the query.
    const single = tokens.length === 1 && tokens[0]!.text === phrase ? postings[0] : undefined;
    const inTextByIndex = single ? new Set(single.d.filter((_, f) => TEXT_FIELDS.has(this.manifest.fields[f]!)).flatMap((f) => f.refs)) : undefined;
    const inAnyByIndex = single ? new Set(single.d.flatMap((f) => f.refs)) : undefined;

    const types = opts.types?.length ? new Set(opts.types) : undefined;
    const pinyinQuery = /^[a-z ]+$/.test(phrase) ? phrase.replace(/ /g, '') : '';
    type Ranked = { ref: number; d: Doc; tier: number | undefined; score: number; inTitle: boolean; inBody: boolean | undefined };
    const ranked: Ranked[] = [];
    const counts = zeroCounts();
    for (const ref of hits) {
      const d = this.docs[ref];
      if (!d) continue;
      counts[d.type]++;
      if (types && !types.has(d.type)) continue;
      const titled = d.type !== 'quiz';
      const inTitle = titled && d.titles.some((t) => t.includes(phrase));
      // Title = query (the title itself before an alias), title contains it, text contains it, partial.
      // A question's prompt ranks as text (it is not a page title).
      let tier: number | undefined = inTitle ? (d.titles[0] === phrase ? 0 : d.titles.includes(phrase) ? 1 : 2) : undefined;
      // Pinyin (or its initials) typed for the title: like an alias equal to the query, or the title beginning with it.
      const [py, pyIni] = d.pinyin;
      if (tier === undefined && py && pinyinQuery) tier = py === pinyinQuery || pyIni === pinyinQuery ? 1 : py.startsWith(pinyinQuery) || pyIni.startsWith(pinyinQuery) ? 2 : undefined;
      let inBody: boolean | undefined;
      if (tier === undefined && single) {
        const has = titled ? inTextByIndex!.has(ref) : inAnyByIndex!.has(ref);
        tier = has ? 3 : 4;
        inBody = titled ? has : undefined;
      }
      ranked.push({ ref, d, tier, score: 0, inTitle, inBody });
    }
    // Ties: lessons before cases, terms and questions (a lesson named like a term is the fuller page).
    const order = (a: Ranked, b: Ranked) => {
      const ta = a.tier ?? 3;
      const tb = b.tier ?? 3;
      return ta - tb || (ta < 2 ? DOC_TYPES.indexOf(a.d.type) - DOC_TYPES.indexOf(b.d.type) : 0) || b.score - a.score || a.ref - b.ref;
    };
    const limit = opts.limit ?? 50;
    // lunr scores the results that can reach the top `limit`. Tiers 0–2 (from the titles) are final
    // (reading the text only sorts the others into 3 and 4), so when at least `limit` results have
    // them, those in a tier after the limit-th one's cannot reach the top and need no score (a broad
    // query like 协调 at 1,000 lessons: a few hundred titles score instead of thousands of pages).
    const titleTiers = ranked.map((r) => r.tier ?? 3).filter((t) => t <= 2).sort((a, b) => a - b);
    const lastTier = titleTiers.length >= limit ? titleTiers[limit - 1]! : Infinity;
    const scores = this.score(postings, ranked.filter((r) => (r.tier ?? 3) <= lastTier).map((r) => r.ref));
    for (const r of ranked) r.score = scores.get(r.ref) ?? 0;
    // Read the fragments of the top results; a result whose text turns out not to contain the
    // query drops to tier 4 and the next ones are read, until the top `limit` are all known.
    const checked = new Set<Ranked>();
    const check = (r: Ranked) => {
      checked.add(r);
      r.inBody = this.folded(r.d as Doc & { body: Body }).includes(phrase);
      if (r.d.type === 'quiz') r.inTitle = r.d.titles[0]!.includes(phrase);
      if (r.tier === undefined || r.tier >= 3) r.tier = r.inTitle || r.inBody ? 3 : 4;
    };
    let top: Ranked[] = [];
    for (let round = 0; ; round++) {
      ranked.sort(order);
      top = ranked.slice(0, limit);
      const unchecked = top.filter((r) => !checked.has(r));
      if (!unchecked.length || round > MAX_RERANK_ROUNDS) break;
      await this.fragments(unchecked.filter((r) => !r.d.body).map((r) => r.ref));
      for (const r of unchecked) if (r.d.body) check(r);
    }
    const words = tokens.map((t) => t.text);
    const results: SearchResult[] = top.map(({ ref, d, tier, score, inTitle, inBody }) => {
      // A title-only match links to the top of the page; the snippet is then the page's opening.
      const body = inBody === true;
      const { snippet, anchor } = d.body ? this.snippet(d as Doc & { body: Body }, phrase, body, inTitle && !body ? [] : words) : { snippet: '', anchor: '' };
      return {
        ref,
        type: d.type,
        title: d.title,
        module: d.module,
        url: anchor && !d.url.includes('#') ? `${d.url}#${anchor}` : d.url,
        snippet,
        exact: inTitle || body,
        tier: tier ?? 4,
        score,
      };
    });
    return { results, total: ranked.length, counts, partial, empty: false };
  }

  /** Escaped snippet around the first exact match (else the first token found) and its section anchor. */
  private snippet(d: Doc & { body: Body }, phrase: string, exact: boolean, tokens: string[]): { snippet: string; anchor: string } {
    const hay = this.folded(d);
    const { starts, anchors, source } = d.body;
    // Folded offset → source offset: the identity for most texts; else the map (e.g. "…" folds to
    // "..."), built for a snippet and kept with the folded text (counted in its LRU size).
    let map = d.body.map;
    if (!d.body.identity && !map) {
      map = d.body.map = Uint32Array.from(foldWithMap(source).map);
      this.foldedLru.set(d, (this.foldedLru.get(d) ?? 0) + 2 * map.length);
      this.foldedChars += 2 * map.length;
    }
    const m = map;
    const src = m ? (f: number) => m[f]! : (f: number) => f;
    let pos = -1;
    let needles: string[];
    if (exact) {
      pos = hay.indexOf(phrase);
      needles = [phrase];
    } else {
      needles = tokens.filter((t) => hay.includes(t)).sort((a, b) => b.length - a.length);
      for (const t of needles) {
        const p = hay.indexOf(t);
        if (p >= 0 && (pos < 0 || p < pos)) pos = p;
      }
    }
    if (pos < 0) {
      const end = Math.min(source.length, SNIPPET_BEFORE + SNIPPET_AFTER);
      return { snippet: escapeHtml(source.slice(0, end).replace(/\n/g, ' ')) + (end < source.length ? '…' : ''), anchor: '' };
    }
    // Section holding the match.
    const srcPos = src(pos);
    let si = 0;
    while (si + 1 < starts.length && starts[si + 1]! <= srcPos) si++;
    const anchor = anchors[si] ?? '';

    const fFrom = Math.max(0, pos - SNIPPET_BEFORE);
    const fTo = Math.min(hay.length, pos + (needles[0]?.length ?? 0) + SNIPPET_AFTER);
    // Marked ranges (folded offsets) within the window, merged.
    const ranges: [number, number][] = [];
    for (const n of needles) {
      if (!n) continue;
      for (let p = hay.indexOf(n, fFrom); p >= 0 && p < fTo; p = hay.indexOf(n, p + n.length)) {
        ranges.push([p, Math.min(p + n.length, fTo)]);
      }
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    let out = fFrom > 0 ? '…' : '';
    let at = fFrom;
    for (const [a, b] of merged) {
      out += escapeHtml(source.slice(src(at), src(a))) + '<mark>' + escapeHtml(source.slice(src(a), src(b))) + '</mark>';
      at = b;
    }
    out += escapeHtml(source.slice(src(at), src(fTo)));
    if (fTo < hay.length) out += '…';
    return { snippet: out.replace(/\n/g, ' '), anchor };
  }
}
