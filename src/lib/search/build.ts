/**
 * Build-time: documents → one lunr index (no term positions), written as shards, a manifest and
 * text fragments (see shards.ts).
 * Fields: title (boost 10; aliases count as title), headings (boost 4), body (boost 1).
 * The lunr pipelines are emptied: the shared analyzer already produced the final tokens.
 */
import lunr from 'lunr';
import { pinyin } from 'pinyin-pro';
import { fold, tokenize } from './analyzer.ts';
import { DOC_TYPES, type SearchDoc } from './types.ts';
import { writeShards, type DocInfo, type LunrIndexJSON } from './shards.ts';

/** pinyinTitle / pinyinHeadings: pinyin of titles (and aliases) and of headings, not of the text. */
export const FIELD_BOOSTS = { title: 10, headings: 4, body: 1, pinyinTitle: 10, pinyinHeadings: 4 } as const;

interface IndexedDoc {
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
  const { index, info } = buildSearchIndex(docs);
  return writeShards(index, info, opts);
}

/** The lunr index (serialised) and the documents' display data. */
export function buildSearchIndex(docs: SearchDoc[]): { index: LunrIndexJSON; info: DocInfo[] } {
  const info: DocInfo[] = docs.map((d) => ({
    type: DOC_TYPES.indexOf(d.type),
    title: d.type === 'quiz' ? '' : d.title.normalize('NFC'),
    prompt: d.type === 'quiz' ? d.title.normalize('NFC') : '',
    pinyin: d.type === 'quiz' ? '' : titlePinyin(d.title),
    aliases: (d.aliases ?? []).map((a) => a.normalize('NFC')),
    module: d.module,
    url: d.url,
    sections: d.sections.map((s) => [s.anchor, [s.heading, s.text].filter(Boolean).join('\n').normalize('NFC')] as [string, string]),
  }));
  // A quiz question's prompt is shown as its title but is not a page title: it is indexed as text,
  // so lessons and terms outrank questions that merely mention the query.
  const indexed: IndexedDoc[] = docs.map((d, i) => {
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
  return { index: index.toJSON() as unknown as LunrIndexJSON, info };
}
