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

/**
 * What an ES module (as emitted by Vite/Rolldown) makes the browser fetch: static and dynamic
 * import specifiers, and the scripts of the workers it starts (`new Worker(new URL("…", import.meta.url))`,
 * also SharedWorker). Workers are code the page ships: the search worker carries the engine and lunr.
 * @param {string} code
 */
export function importsOf(code) {
  const out = new Set();
  for (const m of code.matchAll(/(?:\bimport\s*\(?\s*|\bfrom\s*)["'`]([^"'`]+\.m?js)["'`]/g)) out.add(m[1]);
  for (const m of code.matchAll(/\bnew\s+(?:Shared)?Worker\s*\(\s*new\s+URL\s*\(\s*["'`]([^"'`]+\.m?js)["'`]/g)) out.add(m[1]);
  return [...out];
}

/**
 * @typedef {{ inline: { body: string, island: boolean, offline?: boolean }[], modules: { url: string, island: boolean, onInteraction?: boolean }[], islands: number }} PageScripts
 */

/**
 * Client directives that load nothing until the reader acts (the custom client:intent
 * hydrates on focus, pointer or shortcut). Their code is reported apart from what loads with the page.
 */
export const ON_INTERACTION = new Set(['intent']);

/**
 * The offline course's script (src/components/OfflineSupport.astro → src/client/offline/sw-register.ts):
 * registers the service worker once the page has loaded and the browser is idle. Same on every page,
 * weighed on its own (its own row in ./js-budget.mjs), not as site code, so each page type's budget
 * stays about what that page needs.
 */
export const OFFLINE_SCRIPT = /\/OfflineSupport\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/;
/** The same script when Astro inlines it (scripts under Vite's assetsInlineLimit are): it registers sw.js. */
export const isOfflineInline = (/** @type {string} */ body) => /\bserviceWorker\b/.test(body) && /\bsw\.js\b/.test(body);

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
      res.inline.push({ body, island: /astro-island|self\.Astro\b|\(self\.Astro/.test(body), offline: isOfflineInline(body) });
    }
  }
  for (const m of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    res.islands++;
    const attrs = m[1] ?? '';
    const onInteraction = ON_INTERACTION.has(/\sclient="([^"]+)"/.exec(attrs)?.[1] ?? '');
    for (const a of attrs.matchAll(/\s(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)) {
      if (a[1]) res.modules.push({ url: a[1], island: true, onInteraction });
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
  /** @typedef {'load' | 'interaction' | 'site' | 'offline'} Kind */
  /** @type {Map<string, Kind>} url → when it loads (first claim wins: load islands, then interaction islands, then site) */
  const seen = new Map();
  /** @type {string[]} */
  const missing = [];
  /** @type {string[]} the offline script, weighed once everything else has claimed its files */
  const offline = [];
  const visit = (/** @type {string} */ url, /** @type {Kind} */ kind) => {
    if (seen.has(url)) return;
    if (kind !== 'offline' && OFFLINE_SCRIPT.test(url)) {
      offline.push(url);
      return;
    }
    seen.set(url, kind);
    const code = readAsset(url);
    if (code === null) {
      missing.push(url);
      return;
    }
    for (const spec of importsOf(code)) {
      const next = spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(url), spec)) : spec;
      if (next.startsWith('/')) visit(next, kind);
    }
  };
  const loadIslands = scripts.modules.filter((x) => x.island && !x.onInteraction);
  for (const m of loadIslands) visit(m.url, 'load');
  for (const m of scripts.modules.filter((x) => x.island && x.onInteraction)) visit(m.url, 'interaction');
  for (const m of scripts.modules.filter((x) => !x.island)) visit(m.url, 'site');
  for (const url of offline) visit(url, 'offline');
  const sum = { load: 0, interaction: 0, site: 0, offline: 0 };
  for (const [url, kind] of seen) {
    const code = readAsset(url);
    if (code !== null) sum[kind] += gzipBytes(code);
  }
  // Astro's island runtime is inline: it counts with the islands that load with the page, or with
  // the on-interaction ones when the page has only those.
  const runtimeKind = loadIslands.length > 0 || scripts.islands === 0 ? 'load' : 'interaction';
  for (const s of scripts.inline) sum[s.island ? runtimeKind : s.offline ? 'offline' : 'site'] += gzipBytes(s.body);
  return {
    /** island code fetched with the page (load, idle, visible, media…) */
    island: sum.load,
    /** island code fetched only when the reader acts (client:intent) */
    onInteraction: sum.interaction,
    site: sum.site,
    /** the offline course's script (OFFLINE_SCRIPT: the service worker registration) */
    offline: sum.offline,
    total: sum.load + sum.interaction + sum.site + sum.offline,
    islands: scripts.islands,
    files: [...seen.keys()],
    missing,
  };
}
