/**
 * Build-time: documents → lunr's field weights (no term positions), written as shards, a manifest and
 * text fragments (see shards.ts).
 * Fields: title (boost 10; aliases count as title), headings (boost 4), body (boost 1).
 * The lunr pipelines are emptied: the shared analyzer already produced the final tokens.
 *
 * Two ways to the same weights: buildSearchIndex runs lunr's own Builder (the reference, used by the
 * tests and `npm run bench:search-build`); lunrFieldWeights computes what that Builder would store,
 * from per-field term counts, without lunr's intermediate structures (issue 17: lunr.Builder.add was
 * 29 s of a 1,000-lesson build). The shards written from either are byte-identical
 * (tests/unit/search-build.test.ts); lunr still scores every query in the browser.
 */
import lunr from 'lunr';
import { pinyin } from 'pinyin-pro';
import { fold, tokenize } from './analyzer.ts';
import { DOC_TYPES, type SearchDoc } from './types.ts';
import { weightsFromLunr, writeShards, type DocInfo, type FieldPosting, type LunrIndexJSON, type TermWeights } from './shards.ts';

/** pinyinTitle / pinyinHeadings: pinyin of titles (and aliases) and of headings, not of the text. */
export const FIELD_BOOSTS = { title: 10, headings: 4, body: 1, pinyinTitle: 10, pinyinHeadings: 4 } as const;

/** A document as indexed: its tokens per field (the analyzer's final terms). */
export interface IndexedDoc {
  id: string;
  title: string[];
  headings: string[];
  body: string[];
  pinyinTitle: string[];
  pinyinHeadings: string[];
}

const HAN_RUN = /\p{Script=Han}+/gu;

/** Pinyin of a title's Chinese characters, syllables separated by spaces (for the title tiers). */
export function titlePinyin(title: string): string {
  return (fold(title).match(HAN_RUN) ?? []).flatMap((run) => pinyin(run, { toneType: 'none', type: 'array' })).map((x) => x.toLowerCase().replace(/[^a-z]/g, '')).join(' ');
}

/**
 * Pinyin terms of a title or heading (build time, pinyin-pro, no tones), so a learner can type
 * pinyin or its initials: per run of Chinese characters, each pair of neighbouring syllables
 * ("xietiao") and its initials ("xt"), and the whole run's syllables and initials when longer
 * (a query typed from the start of a title, "xietiaode…", finds it inside them).
 */
export function pinyinTerms(text: string): string[] {
  const out: string[] = [];
  for (const run of fold(text).match(HAN_RUN) ?? []) {
    const syl = pinyin(run, { toneType: 'none', type: 'array' }).map((x) => x.toLowerCase().replace(/[^a-z]/g, ''));
    const ini = syl.map((x) => x[0] ?? '');
    if (syl.length === 1) out.push(syl[0]!);
    for (let i = 0; i + 1 < syl.length; i++) out.push(syl[i]! + syl[i + 1]!, ini[i]! + ini[i + 1]!);
    if (syl.length > 2) out.push(syl.join(''), ini.join(''));
  }
  return out.filter(Boolean);
}

/** The search data files (name → JSON text), all to be served from SEARCH_DATA_DIR. */
export function buildSearchFiles(docs: SearchDoc[], opts?: { shardBytes?: number; fragmentBytes?: number }): Map<string, string> {
  return writeShards(lunrFieldWeights(indexedDocs(docs)), FIELD_NAMES, docInfos(docs), opts);
}

export const FIELD_NAMES = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[];

/** The documents' display data (manifest and fragments). */
export function docInfos(docs: SearchDoc[]): DocInfo[] {
  return docs.map((d) => ({
    type: DOC_TYPES.indexOf(d.type),
    title: d.type === 'quiz' ? '' : d.title.normalize('NFC'),
    prompt: d.type === 'quiz' ? d.title.normalize('NFC') : '',
    pinyin: d.type === 'quiz' ? '' : titlePinyin(d.title),
    aliases: (d.aliases ?? []).map((a) => a.normalize('NFC')),
    module: d.module,
    url: d.url,
    sections: d.sections.map((s) => [s.anchor, [s.heading, s.text].filter(Boolean).join('\n').normalize('NFC')] as [string, string]),
  }));
}

/**
 * The documents' tokens per field. A quiz question's prompt is shown as its title but is not a page
 * title: it is indexed as text, so lessons and terms outrank questions that merely mention the query.
 */
export function indexedDocs(docs: SearchDoc[]): IndexedDoc[] {
  return docs.map((d, i) => {
    const title = [d.title, ...(d.aliases ?? [])].flatMap(tokenize);
    const body = d.sections.flatMap((s) => tokenize(s.text));
    return {
      id: String(i),
      title: d.type === 'quiz' ? [] : title,
      headings: d.sections.flatMap((s) => tokenize(s.heading)),
      body: d.type === 'quiz' ? [...title, ...body] : body,
      pinyinTitle: d.type === 'quiz' ? [] : [d.title, ...(d.aliases ?? [])].flatMap(pinyinTerms),
      pinyinHeadings: d.type === 'quiz' ? [] : d.sections.flatMap((s) => pinyinTerms(s.heading)),
    };
  });
}

/** lunr's BM25 parameters (lunr.Builder's defaults, which buildLunrIndex keeps). */
const K1 = 1.2;
const B = 0.75;

/**
 * What lunr.Builder (2.3.9: add, calculateAverageFieldLengths, createFieldVectors) stores as field-vector
 * weights for these documents (refs = their positions, fields and boosts = FIELD_BOOSTS, document boost 1),
 * computed with one Map of term counts per document field and one posting update per distinct term,
 * instead of lunr's per-token updates of its inverted index (nested objects keyed by strings), its
 * FieldRef strings and its Vector objects, which shards.ts would only take apart again. The arithmetic
 * is lunr's own, written in the same order, so every weight is the same double. Kept in sync with lunr by
 * tests/unit/search-build.test.ts (any difference on a corpus fails it).
 */
export function lunrFieldWeights(docs: IndexedDoc[]): TermWeights {
  const n = docs.length;
  const nf = FIELD_NAMES.length;
  // Terms get numbers as first met; per term a flat [field, ref, tf, …] in document order, so refs
  // ascend within each field. One Map lookup per token; counts in an array indexed by term number.
  const idOf = new Map<string, number>();
  const termOf: string[] = [];
  const acc: number[][] = [];
  const tfOf: number[] = [];
  const touched: number[] = [];
  const lengths = FIELD_NAMES.map(() => new Int32Array(n));
  const totals = FIELD_NAMES.map(() => 0);
  for (let ref = 0; ref < n; ref++) {
    const doc = docs[ref]!;
    for (let f = 0; f < nf; f++) {
      const tokens = doc[FIELD_NAMES[f]!];
      lengths[f]![ref] = tokens.length;
      totals[f]! += tokens.length;
      touched.length = 0;
      for (const t of tokens) {
        // lunr.tokenizer lower-cases each string of an array (the analyzer's tokens already are).
        const term = t.toLowerCase();
        let id = idOf.get(term);
        if (id === undefined) {
          idOf.set(term, (id = termOf.length));
          termOf.push(term);
          acc.push([]);
          tfOf.push(0);
        }
        if (tfOf[id] === 0) touched.push(id);
        tfOf[id]!++;
      }
      for (const id of touched) {
        acc[id]!.push(f, ref, tfOf[id]!);
        tfOf[id] = 0;
      }
    }
  }
  // calculateAverageFieldLengths: every document has every field (an empty one counts, as in lunr).
  const avg = totals.map((t) => t / n);
  const boosts = FIELD_NAMES.map((name) => FIELD_BOOSTS[name] || 1);
  const none: FieldPosting = { refs: [], w: [] };
  const out: TermWeights = new Map();
  for (let id = 0; id < acc.length; id++) {
    const a = acc[id]!;
    // lunr.idf: the number of document fields holding the term, over all fields.
    const df = a.length / 3;
    const x = (n - df + 0.5) / (df + 0.5);
    const idf = Math.log(1 + Math.abs(x));
    const per: FieldPosting[] = new Array<FieldPosting>(nf).fill(none);
    for (let i = 0; i < a.length; i += 3) {
      const f = a[i]!;
      const ref = a[i + 1]!;
      const tf = a[i + 2]!;
      // createFieldVectors, term by term (docBoost 1: multiplying by it changes no bit).
      let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (lengths[f]![ref]! / avg[f]!)) + tf);
      score *= boosts[f]!;
      let p = per[f]!;
      if (p === none) per[f] = p = { refs: [], w: [] };
      p.refs.push(ref);
      p.w.push(Math.round(score * 1000) / 1000);
    }
    out.set(termOf[id]!, per);
  }
  return out;
}

/** lunr's own Builder over the same documents (the reference the weights above must equal). */
export function buildLunrIndex(indexed: IndexedDoc[]): LunrIndexJSON {
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.metadataWhitelist = [];
    this.ref('id');
    for (const [name, boost] of Object.entries(FIELD_BOOSTS)) {
      this.field(name, { boost, extractor: (doc) => (doc as unknown as Record<string, string[]>)[name]! as unknown as object });
    }
    for (const d of indexed) this.add(d as unknown as object);
  });
  return index.toJSON() as unknown as LunrIndexJSON;
}

/** The lunr index (serialised, by lunr's own Builder) and the documents' display data. */
export function buildSearchIndex(docs: SearchDoc[]): { index: LunrIndexJSON; info: DocInfo[] } {
  return { index: buildLunrIndex(indexedDocs(docs)), info: docInfos(docs) };
}

/** The search data files through lunr's own Builder (the reference path; same bytes as buildSearchFiles). */
export function buildSearchFilesWithLunr(docs: SearchDoc[], opts?: { shardBytes?: number; fragmentBytes?: number }): Map<string, string> {
  const { index, info } = buildSearchIndex(docs);
  return writeShards(weightsFromLunr(index), index.fields, info, opts);
}
