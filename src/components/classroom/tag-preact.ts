/**
 * Marks Preact islands as Preact's (server only, build time). Without the mark Astro asks every
 * renderer whether a framework component is theirs, and Preact answers by rendering it once in full
 * (@astrojs/preact's check): each live quiz and scenario slide was server-rendered twice, with two
 * renderers configured (Preact and MDX's). The mark is the one compiled MDX/JSX sets through
 * astro/runtime/server's __astro_tag_component__ (not in its type declarations, hence set here the
 * same way: a non-enumerable Symbol.for('astro:renderer') property). Issue 17.
 */
const RENDERER = Symbol.for('astro:renderer');

export function tagPreact(...components: unknown[]): void {
  for (const c of components) {
    if (typeof c === 'function' && !(RENDERER in c)) Object.defineProperty(c, RENDERER, { value: '@astrojs/preact', enumerable: false, writable: false });
  }
}
