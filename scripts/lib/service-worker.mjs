// @ts-check
/**
 * The offline course: the service worker (src/client/offline/service-worker.ts), bundled after the
 * build and given the list of files to precache by Workbox (workbox-build's injectManifest). Run by the
 * `offline-service-worker` integration in astro.config.mjs at astro:build:done, and by the offline e2e test to make a second version of a site.
 *
 * Every precache URL is relative to the site's folder, and sw.js sits at the site's root, so the same
 * worker works under any base (/ or /course/): its scope is the folder it is served from.
 *
 * Turned off (no sw.js, no registration, no manifest link) with OFFLINE=0, and always for a SCORM
 * package build (SCORM_PACKAGE=1): an LMS hosts the package and decides how it is served.
 */
// Only the injectManifest entry point: workbox-build's index also loads generateSW, with Babel's preset-env
// and Rollup, which took about 0.7 s of every build's start-up (the config imports this file) for nothing.
import { injectManifest } from 'workbox-build/build/inject-manifest.js';
import { build } from 'rolldown';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether this build makes the site installable and available offline. */
export const offlineEnabled = (env = process.env) => env.OFFLINE !== '0' && env.SCORM_PACKAGE !== '1' && env.XTZD_PACKAGE !== 'scorm';

/**
 * What a learner needs offline, as globs over the built folder. Folders rather than file names, so
 * new lessons, pages and search index files (however the index is split) are covered as they appear.
 * Left out, still cached when visited online (runtime cache below): the presenter view (an
 * instructor's second screen), the instructor's answer keys and lesson plans, sitemaps, robots.txt.
 */
export const PRECACHE_GLOBS = [
  'index.html',
  '404.html',
  // Lessons (with their quizzes and scenarios), module pages, presentations (slides).
  'learn/**/index.html',
  // Glossary, principles, cases, search page, progress dashboard, certificate.
  '{glossary,principles,cases,search,progress,certificate}/index.html',
  // The search index, whatever its files are called or however many there are.
  'search/**/*',
  '**/*.json',
  // Handouts (and the teaching index).
  'teach/index.html',
  'teach/*/handout/index.html',
  // Styles, scripts (islands, the search worker), fonts, images, the web app manifest and icons.
  '_astro/**/*',
  '*.{svg,png,ico,webmanifest}',
  'icons/**/*',
];
export const PRECACHE_IGNORES = ['learn/**/presenter/**', 'sw.js', '**/*.map'];

/** The worker's source: Workbox's modules and our routes (src/client/offline/service-worker.ts). */
const SW_SOURCE = fileURLToPath(new URL('../../src/client/offline/service-worker.ts', import.meta.url));

/**
 * Writes sw.js into a built site: the worker's source bundled with the Workbox modules it imports
 * (Rolldown, the bundler Vite already brings: about 0.2 s), then Workbox's injectManifest lists and
 * hashes the files to precache into it. Until issue 17 this was Workbox's generateSW, which compiles
 * its own template with Rollup, Babel and Terser on every build: 6.5 s of CPU at any course size.
 * @param {{ outDir: string }} opts  the built site's folder
 * @returns {Promise<{ count: number, size: number, warnings: string[] }>} precached files and bytes
 */
export async function buildServiceWorker({ outDir }) {
  const tmp = mkdtempSync(join(tmpdir(), 'xtzd-sw-'));
  try {
    const swSrc = join(tmp, 'sw.js');
    await build({
      input: SW_SOURCE,
      platform: 'browser',
      logLevel: 'warn',
      // Workbox's modules log and check arguments unless NODE_ENV is production.
      transform: { define: { 'process.env.NODE_ENV': '"production"' } },
      output: { file: swSrc, format: 'iife', minify: true, sourcemap: false },
    });
    const { count, size, warnings } = await injectManifest({
      swSrc,
      swDest: join(outDir, 'sw.js'),
      globDirectory: outDir,
      // One pattern (the globs as {a,b,…}), so the built folder is walked once: Workbox globs each
      // pattern on its own, 15 walks of 3,900 pages at 1,000 lessons (1.4 s; one walk 0.7 s, same files).
      globPatterns: [`{${PRECACHE_GLOBS.join(',')}}`],
      globIgnores: PRECACHE_IGNORES,
      // The search index is about 1 MB now; shards or a larger course must not fall out silently.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Hashed file names (_astro/…) are their own revision; other files get a content hash.
      dontCacheBustURLsMatching: /^_astro\//,
    });
    return { count, size, warnings };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
