/**
 * The course's service worker (dist/sw.js): the whole course offline (issue 14). Bundled after every
 * build with the Workbox modules it uses, and given the precache list by Workbox's injectManifest
 * (scripts/lib/service-worker.mjs), which replaces `self.__WB_MANIFEST`.
 *
 * It does what Workbox's generateSW wrote from the same options before (issue 17: generateSW compiles
 * its template with Rollup, Babel and Terser on every build, 6.5 s of CPU whatever the course's size):
 * - precache every file in the list, served for its URL with or without index.html and whatever the
 *   query string (every page is static: /search/?q=… is the same file as /search/);
 * - a new version waits until the learner chooses 刷新 (src/client/offline/sw-register.ts sends
 *   SKIP_WAITING); it is never forced on an open page, e.g. in the middle of a quiz;
 * - the first install controls the open page, so what it fetches next is served offline too;
 * - pages left out of the precache (presenter view, answer keys, lesson plans) are kept once visited
 *   online (network first, up to 80);
 * - caches of older Workbox versions are removed.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';

// The parts of ServiceWorkerGlobalScope used here (the project's type check has the DOM library, and
// the WebWorker library cannot be loaded beside it).
declare const self: {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: 'index.html', ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
  new NetworkFirst({ cacheName: 'pages', networkTimeoutSeconds: 4, plugins: [new ExpirationPlugin({ maxEntries: 80 })] }),
);
