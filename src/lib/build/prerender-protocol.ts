/**
 * Messages between the prerender pool (prerender-pool.ts, build main thread) and its workers
 * (prerender-worker.ts), and the pool's choice of worker (pure, unit-tested).
 */

/** Sent once, as workerData: what the bundle's app needs besides the bundle itself. */
export interface PoolSetup {
  /** file: URL of dist/.prerender/prerender-entry.<hash>.mjs. */
  entry: string;
  /** Astro's injected scripts (stage, content): the head scripts of every page. */
  scripts: { stage: string; content: string }[];
  /** Page-data key (route + component) → the page's CSS assets, as Astro's build collected them. */
  pages: [string, { styles: unknown[] }][];
  /** Routes (RouteData.route) whose paths the worker must not collect ahead (see prerenderPool). */
  skipWarm: string[];
}

/** Main → worker: render one page. */
export interface PoolRequest {
  id: number;
  /** The request URL Astro made for the page (origin, base, trailing slash as built). */
  url: string;
  /** The route (RouteData.route and .component): the worker finds its own RouteData by these. */
  route: string;
  component: string;
}

/** Worker → main. */
export type PoolReply =
  | { kind: 'ready' }
  | { kind: 'page'; id: number; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer | null }
  | { kind: 'error'; id: number; message: string; stack?: string; name?: string }
  /** A value a page publishes for the main thread (see PUBLISH), sent before that page's reply. */
  | { kind: 'publish'; topic: string; key: string; value: unknown };

/**
 * Where page code hands build-time values to the main thread (issue 17: a lesson's search text, made by
 * its deck pages on whichever thread renders them; lib/search/offthread.ts publishes, the search-index
 * integration listens on the main thread). In a worker the pool installs a function there that posts
 * the value to the main thread, which calls the main thread's listener with it.
 */
export const PUBLISH = Symbol.for('xtzd.build.publish');
export type Publish = (topic: string, key: string, value: unknown) => void;

/**
 * The renderer for a page: for a page with an affinity key (a lesson's two deck views share one render
 * of the lesson), the one that took the first page with that key; else the one with the lowest share
 * of its capacity in use once it takes the page (`busy` pages in flight, `capacity` what it should hold;
 * on a tie the larger capacity, then the lower index). The second page of a pair takes its key out of
 * `placed`, so the map holds only open pairs.
 */
export function pickWorker(key: string | null, busy: readonly number[], placed: Map<string, number>, capacity: readonly number[] = busy.map(() => 1)): number {
  if (key !== null) {
    const known = placed.get(key);
    if (known !== undefined && known < busy.length) {
      placed.delete(key);
      return known;
    }
  }
  const load = (i: number) => (busy[i]! + 1) / capacity[i]!;
  let best = 0;
  for (let i = 1; i < busy.length; i++) {
    if (load(i) < load(best) || (load(i) === load(best) && capacity[i]! > capacity[best]!)) best = i;
  }
  if (key !== null) placed.set(key, best);
  return best;
}
