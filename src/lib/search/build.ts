/**
 * Build-time: documents → one lunr index (no term positions), written as shards, a manifest and
 * text fragments (see shards.ts).
 * Fields: title (boost 10; aliases count as title), headings (boost 4), body (boost 1).
 * The lunr pipelines are emptied: the shared analyzer already produced the final tokens.
 */
import lunr from 'lunr';
import { tokenize } from './analyzer.ts';
import { DOC_TYPES, type SearchDoc } from './types.ts';
import { writeShards, type DocInfo, type LunrIndexJSON } from './shards.ts';

export const FIELD_BOOSTS = { title: 10, headings: 4, body: 1 } as const;

interface IndexedDoc {
  id: string;
  title: string[];
  headings: string[];
  body: string[];
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
