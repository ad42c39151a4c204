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
  /** A value a page in the worker published (see publish): to the main thread, and on to the others if `all`. */
  | { kind: 'publish'; topic: string; key: string; value: unknown; all: boolean };

/** Main → worker: a value another thread published for every thread (see publish). */
export interface PoolDelivery {
  kind: 'deliver';
  topic: string;
  key: string;
  value: unknown;
}

/**
 * Build-time values that pages hand to other threads of the pool (issue 17: a lesson is read once, by its
 * deck pages, on whichever thread renders them; that thread publishes the lesson's search text for the
 * search index on the main thread, and what the teaching pages need of the lesson for every thread).
 * Each thread has one hub on its global (page code and the pool are loaded apart, as the bundle and
 * the config): `publish` calls this thread's listeners and passes the value on through `send`, which the
 * pool sets (a worker: to the main thread; the main thread: to every worker). Without the pool (astro dev,
 * PRERENDER_WORKERS=0) only this thread's listeners hear it.
 */
type Listener = (key: string, value: unknown) => void;
interface Hub {
  listeners: Map<string, Set<Listener>>;
  send?: (topic: string, key: string, value: unknown, all: boolean) => void;
}
const HUB = Symbol.for('xtzd.build.hub');
export function buildHub(): Hub {
  const g = globalThis as typeof globalThis & { [HUB]?: Hub };
  return (g[HUB] ??= { listeners: new Map() });
}

/** Calls this thread's listeners of the topic. */
export function deliverHere(topic: string, key: string, value: unknown): void {
  for (const l of buildHub().listeners.get(topic) ?? []) l(key, value);
}

/**
 * Publishes a value: to this thread's listeners and the main thread's; with `all`, to every thread's.
 * Listeners of the publishing thread hear it at once, others when the message arrives (before the
 * publishing page's own reply, for the main thread).
 */
export function publish(topic: string, key: string, value: unknown, { all = false } = {}): void {
  deliverHere(topic, key, value);
  buildHub().send?.(topic, key, value, all);
}

/** Listens on this thread; returns the function that stops listening. */
export function subscribe(topic: string, listener: Listener): () => void {
  const { listeners } = buildHub();
  let set = listeners.get(topic);
  if (!set) listeners.set(topic, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}

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
