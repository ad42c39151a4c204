/** The glossary filter box's rule (browser side of src/lib/glossary-index.ts; no pinyin code here). */

/**
 * Does a glossary entry match what the reader typed in the filter box? Chinese text matches the
 * term, aliases or definition; Latin letters match the full pinyin or the initials (of the term or
 * an alias). Spaces and case are ignored. An empty filter matches everything.
 */
export function filterMatches(query: string, entry: { text: string; pinyin: string }): boolean {
  const q = String(query ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  if (entry.text.toLowerCase().includes(q)) return true;
  return /^[a-z]+$/.test(q) && entry.pinyin.split(' ').some((key) => key.startsWith(q));
}
