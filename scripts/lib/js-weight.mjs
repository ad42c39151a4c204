// @ts-check
/**
 * How much JavaScript a built page ships, split into island code (Astro islands: the island
 * runtime, component and renderer modules and everything they import) and site code (the
 * small chrome script every page has). Pure apart from reading files through `readAsset`.
 */
import { gzipSync } from 'node:zlib';
import { posix } from 'node:path';

/** @param {string | Uint8Array} s */
export const gzipBytes = (s) => gzipSync(typeof s === 'string' ? Buffer.from(s) : s, { level: 9 }).length;

/** Static and dynamic import specifiers of an ES module (as emitted by Vite/Rolldown). @param {string} code */
export function importsOf(code) {
  const out = new Set();
  for (const m of code.matchAll(/(?:\bimport\s*\(?\s*|\bfrom\s*)["'`]([^"'`]+\.m?js)["'`]/g)) out.add(m[1]);
  return [...out];
}

/**
 * @typedef {{ inline: { body: string, island: boolean }[], modules: { url: string, island: boolean }[], islands: number }} PageScripts
 */

/**
 * Scripts of a page: inline bodies and module URLs, each marked island or site code.
 * @param {string} html
 * @returns {PageScripts}
 */
export function pageScripts(html) {
  /** @type {PageScripts} */
  const res = { inline: [], modules: [], islands: 0 };
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const type = /\stype="([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (/json|importmap|speculationrules/i.test(type)) continue;
    const src = /\ssrc="([^"]+)"/i.exec(attrs)?.[1];
    if (src) res.modules.push({ url: src, island: false });
    else {
      const body = m[2] ?? '';
      // Astro's island runtime and its client directives (self.Astro.load/idle/visible…).
      res.inline.push({ body, island: /astro-island|self\.Astro\b|\(self\.Astro/.test(body) });
    }
  }
  for (const m of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    res.islands++;
    for (const a of (m[1] ?? "").matchAll(/\s(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)) {
      if (a[1]) res.modules.push({ url: a[1], island: true });
    }
  }
  return res;
}

/**
 * Gzipped bytes of island and site JavaScript on one page. Each module file counts once, with
 * all it imports; a module reachable from an island counts as island code.
 * @param {string} html
 * @param {(url: string) => string | null} readAsset  contents of a site URL, or null when missing
 */
export function jsWeight(html, readAsset) {
  const scripts = pageScripts(html);
  /** @type {Map<string, boolean>} url → island? */
  const seen = new Map();
  /** @type {string[]} */
  const missing = [];
  const visit = (/** @type {string} */ url, /** @type {boolean} */ island) => {
    if (seen.has(url) && (seen.get(url) || !island)) return;
    seen.set(url, island);
    const code = readAsset(url);
    if (code === null) {
      missing.push(url);
      return;
    }
    for (const spec of importsOf(code)) {
      const next = spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(url), spec)) : spec;
      if (next.startsWith('/')) visit(next, island);
    }
  };
  for (const m of scripts.modules.filter((x) => x.island)) visit(m.url, true);
  for (const m of scripts.modules.filter((x) => !x.island)) visit(m.url, false);
  let island = 0;
  let site = 0;
  for (const [url, isIsland] of seen) {
    const code = readAsset(url);
    if (code === null) continue;
    if (isIsland) island += gzipBytes(code);
    else site += gzipBytes(code);
  }
  for (const s of scripts.inline) {
    if (s.island) island += gzipBytes(s.body);
    else site += gzipBytes(s.body);
  }
  return { island, site, total: island + site, islands: scripts.islands, files: [...seen.keys()], missing };
}
