/**
 * Marks Preact islands as Preact's (server only, build time). Without the mark Astro asks every
 * renderer whether a framework component is theirs, and Preact answers by rendering it once in full
 * (@astrojs/preact's check): each live quiz and scenario slide was server-rendered twice, with two
 * renderers configured (Preact and MDX's). __astro_tag_component__ is the marking that compiled
 * MDX/JSX uses itself. Issue 17.
 */
import { __astro_tag_component__ } from 'astro/runtime/server/index.js';

const RENDERER = Symbol.for('astro:renderer');

export function tagPreact(...components: unknown[]): void {
  for (const c of components) {
    if (typeof c === 'function' && !(RENDERER in c)) __astro_tag_component__(c, '@astrojs/preact');
  }
}
