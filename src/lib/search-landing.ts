/**
 * Where a search result opens and how its snippet is cut (pure; used by the search islands, read
 * back on the lesson page by src/client/lesson-reading.ts).
 */

/**
 * The result's URL with the query to highlight: `?hl=<query>` before the #fragment, and `in=quiz`
 * for a question (the lesson page then scrolls to the question). Glossary entries open as they are.
 */
export function landingUrl(url: string, query: string, type: string): string {
  const q = query.trim().slice(0, 100);
  if (!q || type === 'term') return url;
  const hash = url.indexOf('#');
  const path = hash >= 0 ? url.slice(0, hash) : url;
  const frag = hash >= 0 ? url.slice(hash) : '';
  const params = new URLSearchParams();
  params.set('hl', q);
  if (type === 'quiz') params.set('in', 'quiz');
  return `${path}${path.includes('?') ? '&' : '?'}${params.toString()}${frag}`;
}

/**
 * Cuts an escaped snippet (text with <mark>…</mark>) so that at most `before` characters stand
 * before the first match: on a phone the two visible lines then hold the match near their middle.
 * HTML entities count as one character and are never split.
 */
export function centreSnippet(html: string, before: number): string {
  const at = html.indexOf('<mark>');
  if (at < 0) return html;
  const units = html.slice(0, at).replace(/^…/, '').match(/&[#a-z0-9]+;|[\s\S]/gi) ?? [];
  if (units.length <= before) return html;
  return '…' + units.slice(units.length - before).join('').replace(/^\s+/, '') + html.slice(at);
}
