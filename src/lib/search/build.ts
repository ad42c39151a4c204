/**
 * Build-time: documents → serialised lunr index (no term positions) + plain-text store.
 * Fields: title (boost 10; aliases count as title), headings (boost 4), body (boost 1).
 * The lunr pipelines are emptied: the shared analyzer already produced the final tokens.
 */
import lunr from 'lunr';
import { tokenize } from './analyzer.ts';
import { DOC_TYPES, type SearchDoc, type StoreJSON } from './types.ts';
import { compactIndex, type CompactIndex, type LunrJSON } from './format.ts';

export const FIELD_BOOSTS = { title: 10, headings: 4, body: 1 } as const;

interface IndexedDoc {
  id: string;
  title: string[];
  headings: string[];
  body: string[];
}

export function buildSearchData(docs: SearchDoc[]): { index: CompactIndex; store: StoreJSON } {
  const modules: string[] = [];
  const moduleIndex = (m: string) => {
    let i = modules.indexOf(m);
    if (i < 0) i = modules.push(m) - 1;
    return i;
  };
  const store: StoreJSON = {
    v: 1,
    modules,
    docs: docs.map((d) => [
      DOC_TYPES.indexOf(d.type),
      d.title.normalize('NFC'),
      moduleIndex(d.module),
      d.url,
      (d.aliases ?? []).map((a) => a.normalize('NFC')),
      d.sections.map((s) => [s.anchor, [s.heading, s.text].filter(Boolean).join('\n').normalize('NFC')] as [string, string]),
    ]),
  };
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
  return { index: compactIndex(index.toJSON() as unknown as LunrJSON), store };
}
