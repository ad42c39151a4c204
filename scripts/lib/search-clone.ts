/**
 * A synthetic catalogue's search documents, from the BUILT course (dist/search/data): its lessons and
 * cases with their quiz questions cloned up to `lessons` (glossary terms are not cloned), with varied
 * text (each clone swaps a seeded tenth of the CJK characters for others, so clones have their own
 * bigrams rather than identical postings). Shared by scripts/search-scale.ts (query measurements)
 * and scripts/bench-search-build.ts (index build time), so both measure the same catalogue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOC_TYPES, type SearchDoc } from '../../src/lib/search/types.ts';
import { MANIFEST_FILE, SEARCH_DATA_DIR, type FragmentFileJSON, type ManifestJSON } from '../../src/lib/search/shards.ts';

export interface ClonedCatalogue {
  /** Every document: the built ones, then the clones. */
  docs: SearchDoc[];
  /** Lesson and case pages in the catalogue (built + cloned). */
  count: number;
  /** Varied clones made of the built course's pages. */
  clones: number;
  /** Lesson and case pages of the built course. */
  builtPages: number;
}

export function cloneSearchDocs(dist: string, lessons: number): ClonedCatalogue {
  const dir = join(dist, SEARCH_DATA_DIR);
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as ManifestJSON;
  const frags = manifest.frags.flatMap(([, f]) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as FragmentFileJSON).docs);
  // The built documents back as SearchDocs (a section with an anchor starts with its heading line).
  const base: SearchDoc[] = manifest.docs.map(([t, title, aliases, m, u], i) => ({
    type: DOC_TYPES[t]!,
    title: t === 3 ? frags[i]![0] : title,
    aliases,
    module: manifest.modules[m]!,
    url: manifest.urls[u]!,
    sections: frags[i]![1].map(([anchor, text]) => {
      if (!anchor) return { anchor, heading: '', text };
      const nl = text.indexOf('\n');
      return nl < 0 ? { anchor, heading: text, text: '' } : { anchor, heading: text.slice(0, nl), text: text.slice(nl + 1) };
    }),
  }));
  const pages = base.filter((d) => d.type === 'lesson' || d.type === 'case');
  const chars = [...new Set(base.flatMap((d) => [...d.title, ...d.sections.flatMap((s) => [...s.text])]).filter((c) => /\p{Script=Han}/u.test(c)))];
  let seed = 1000;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const docs: SearchDoc[] = [...base];
  const clones = Math.ceil(lessons / pages.length) - 1;
  let count = pages.length;
  for (let k = 1; k <= clones && count < lessons; k++) {
    const swap = new Map<string, string>();
    for (const c of chars) if (rand() < 0.1) swap.set(c, chars[Math.floor(rand() * chars.length)]!);
    const vary = (s: string) => [...s].map((c) => swap.get(c) ?? c).join('');
    const reUrl = (u: string) => u.replace(/^(\/learn\/[^/]+)\//, `$1-${k}/`);
    for (const page of pages) {
      if (count >= lessons) break;
      count++;
      for (const d of base) {
        if (d !== page && !(d.type === 'quiz' && d.url.startsWith(page.url))) continue;
        docs.push({ ...d, title: vary(d.title), module: `${vary(d.module)} ${k}`, url: reUrl(d.url), sections: d.sections.map((s) => ({ anchor: s.anchor, heading: vary(s.heading), text: vary(s.text) })) });
      }
    }
  }
  return { docs, count, clones, builtPages: pages.length };
}
