/** Anchor id for a titled callout (示例/案例 boxes), so indexes can deep-link to it. */
export function calloutId(kind: string, title: string): string {
  const text = title
    .normalize('NFKC')
    .replace(/[\p{P}\p{S}\s]+/gu, '')
    .slice(0, 40);
  return `${kind}-${text}`;
}

/** Titles of <Example> and <Case> boxes in an MDX source, in order. */
export function calloutTitles(body: string): { kind: 'example' | 'case'; title: string }[] {
  const out: { kind: 'example' | 'case'; title: string }[] = [];
  for (const m of body.matchAll(/<(Example|Case)\b[^>]*\btitle="([^"]+)"/g)) {
    out.push({ kind: m[1] === 'Case' ? 'case' : 'example', title: m[2]! });
  }
  return out;
}
