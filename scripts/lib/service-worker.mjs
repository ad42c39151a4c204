// @ts-check
/**
 * The offline course: the service worker, generated after the build by Workbox (workbox-build's
 * generateSW) over the built site. Run by the `offline-service-worker` integration in astro.config.mjs
 * at astro:build:done, and by the offline e2e test to make a second version of a site.
 *
 * Every precache URL is relative to the site's folder, and sw.js sits at the site's root, so the same
 * worker works under any base (/ or /course/): its scope is the folder it is served from.
 *
 * Turned off (no sw.js, no registration, no manifest link) with OFFLINE=0, and always for a SCORM
 * package build (SCORM_PACKAGE=1): an LMS hosts the package and decides how it is served.
 */
import { generateSW } from 'workbox-build';
import { join } from 'node:path';

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
export const PRECACHE_IGNORES = ['learn/**/presenter/**', 'sw.js', 'workbox-*.js', '**/*.map'];

/**
 * Writes sw.js (and Workbox's runtime, workbox-<hash>.js) into a built site.
 * @param {{ outDir: string }} opts  the built site's folder
 * @returns {Promise<{ count: number, size: number, warnings: string[] }>} precached files and bytes
 */
export async function buildServiceWorker({ outDir }) {
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: PRECACHE_GLOBS,
    globIgnores: PRECACHE_IGNORES,
    swDest: join(outDir, 'sw.js'),
    // The search index is about 1 MB now; shards or a larger course must not fall out silently.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // Hashed file names (/_astro/…) are their own revision; other files get a content hash.
    dontCacheBustURLsMatching: /\/_astro\//,
    // Every page is static: a query (/search/?q=…&type=…) never changes the file.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    cleanupOutdatedCaches: true,
    // A new version waits until the learner chooses 刷新 (src/client/offline/sw-register.ts sends
    // SKIP_WAITING); it is never forced on an open page, e.g. in the middle of a quiz.
    skipWaiting: false,
    // The first install controls the open page, so what it fetches next is served offline too.
    clientsClaim: true,
    // The worker's own code stays a file of the site (no inline script, nothing fetched from elsewhere).
    inlineWorkboxRuntime: false,
    sourcemap: false,
    mode: 'production',
    runtimeCaching: [
      {
        // Pages not in the precache (presenter view, answer keys, lesson plans) once visited online.
        urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: { cacheName: 'pages', networkTimeoutSeconds: 4, expiration: { maxEntries: 80 } },
      },
    ],
  });
  return { count, size, warnings };
}
