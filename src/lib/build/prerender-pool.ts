/**
 * `prerender-pool`: renders the static pages on every core, the main thread and a worker thread per
 * further core (issue 17). Astro 7.3 renders
 * every page on the build's main thread; at 1,000 lessons that is about 4,000 pages and half the build.
 * Astro's public prerenderer hook (`setPrerenderer` at astro:build:start) lets an integration take over
 * rendering: the main thread still collects every route's paths (so /search/data hands its documents to
 * the search-index worker as before) and writes the files; each worker imports the same prerender bundle
 * and renders the pages it is given. Astro 7.4's experimental `parallelPrerender` does the same job; this
 * stays until the project can upgrade to it (the registry has 7.3.5 as latest).
 *
 * Written on Astro's documented interfaces (AstroPrerenderer, `build.concurrency`) plus two details of
 * the default prerenderer that a worker must set up the same way (prerender-worker.ts): the bundle's
 * `app` takes the page styles and the head scripts (what `setInternals`/`setOptions` give it on the main
 * thread). `npm test` checks that a pooled build writes the same bytes as a plain one (tests/unit).
 *
 * The main thread renders pages too, between writing files: it already holds the bundle and every
 * route's paths, so it costs no start-up and no second copy of the course data. So the pool has one
 * worker fewer than the machine has cores. PRERENDER_WORKERS=N sets the number of workers (0: Astro
 * renders on the main thread alone, as without the pool).
 */
import { availableParallelism } from 'node:os';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { performance as nodePerformance, type EventLoopUtilization } from 'node:perf_hooks';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { buildHub, deliverHere, pickWorker, type PoolDelivery, type PoolRequest, type PoolReply, type PoolSetup } from './prerender-protocol.ts';

type RouteData = Parameters<AstroPrerenderer['render']>[1]['routeData'];

/**
 * Pages in flight per thread. The main thread also collects the paths, writes every file and picks up
 * the workers' replies, so a worker holds several pages (it always has the next one). The main thread
 * holds two: with one it was idle 11–16 % of the rendering at 1,000 lessons (waiting for a worker's
 * reply to free a place), with two 3–8 % (four cold builds each, issue 17).
 */
const MAIN_SHARE = 2;
const WORKER_SHARE = 12;

/** Worker count from PRERENDER_WORKERS (unset: one fewer than the cores, at most 3; 0: no pool). */
export function poolSize(env: string | undefined, cores = availableParallelism()): number {
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 0) throw new Error(`PRERENDER_WORKERS must be a whole number ≥ 0, not "${env}"`);
    return n;
  }
  return Math.max(0, Math.min(3, cores - 1));
}

/**
 * Pages that must render on one thread because they share one render (e.g. a lesson's two slide views):
 * those of a route with one of the `shared` parameters that differ only in it. The key is the pathname
 * with that parameter's segment left out (null: any thread).
 */
export function affinityKey(pathname: string, route: Pick<RouteData, 'segments'>, shared: readonly string[]): string | null {
  const at = route.segments.findIndex((parts) => parts.length === 1 && parts[0]!.dynamic && !parts[0]!.spread && shared.includes(parts[0]!.content));
  if (at < 0) return null;
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length !== route.segments.length) return null;
  parts[at] = '*';
  return parts.join('/');
}

interface PoolWorker {
  worker: Worker;
  busy: number;
}

export interface PrerenderPoolOptions {
  /**
   * Routes (as Astro writes them, e.g. '/search/data/[file]') whose getStaticPaths a worker must not run
   * ahead of rendering. While the main thread collects the paths, each worker collects them too, so
   * that the course data its pages need is loaded before the first page arrives; a route whose
   * getStaticPaths does work meant for the main thread alone is left out.
   */
  skipWarm?: string[];
  /**
   * Route parameters whose pages share one render of what the rest of the path names (e.g. 'view' of
   * /learn/[module]/[lesson]/[view]: the present and presenter pages render the lesson once and
   * split it once). Such pages go to one thread, so that render is made once there.
   */
  shared?: string[];
}

export function prerenderPool({ skipWarm = [], shared = [] }: PrerenderPoolOptions = {}): AstroIntegration {
  const size = poolSize(process.env.PRERENDER_WORKERS);
  let outDir: URL | undefined;
  return {
    name: 'prerender-pool',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // Astro hands the prerenderer several pages at a time only when build.concurrency > 1: enough
        // for every thread's share (MAIN_SHARE + WORKER_SHARE per worker).
        if (command === 'build' && size > 0) updateConfig({ build: { concurrency: MAIN_SHARE + WORKER_SHARE * size } });
      },
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        if (size === 0) return;
        // Less a second: file times may be coarser than the clock.
        const buildStartedAt = Date.now() - 1000;
        setPrerenderer((fallback) => {
          const workers: PoolWorker[] = [];
          const placed = new Map<string, number>();
          let nextId = 0;
          let mainBusy = 0;
          const pending = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void; worker: PoolWorker }>();
          const started = performance.now();
          let pages = 0;
          /** Pages each thread rendered (0: the main thread), for the log. */
          const perThread: number[] = [];
          /** Each thread's event loop use at the start, to say at the end how busy it was. */
          let eluStart: EventLoopUtilization[] = [];

          return {
            name: 'prerender-pool',
            async setup() {
              // The main thread loads the bundle too: it collects the paths (getStaticPaths) and its
              // options carry the page styles and head scripts the workers need.
              await fallback.setup?.();
              const app = (fallback as AstroPrerenderer & { app?: { getOptions(): BuildOptions; manifest: { routes: { routeData: { route: string } }[] } } }).app;
              if (!app) throw new Error('prerender-pool: Astro\'s default prerenderer has no app after setup; turn the pool off with PRERENDER_WORKERS=0');
              const options = app.getOptions();
              // A renamed route must not slip out of skipWarm unnoticed: every worker would then run it.
              const known = new Set(app.manifest.routes.map(({ routeData }) => routeData.route));
              for (const r of skipWarm) if (!known.has(r)) throw new Error(`prerender-pool: skipWarm names "${r}", which is not a route of this site (routes: ${[...known].join(', ')})`);
              const setupMessage: PoolSetup = {
                entry: prerenderEntry(outDir!, buildStartedAt),
                scripts: options.settings.scripts.map(({ stage, content }) => ({ stage, content })),
                pages: Object.entries(options.allPages).map(([key, page]) => [key, { styles: page.styles }]),
                skipWarm,
              };
              const ready: Promise<void>[] = [];
              for (let i = 0; i < size; i++) {
                const worker = new Worker(new URL('./prerender-worker.ts', import.meta.url), { workerData: setupMessage });
                worker.unref();
                const w: PoolWorker = { worker, busy: 0 };
                ready.push(new Promise<void>((resolve, reject) => {
                  worker.once('message', (m: PoolReply) => (m.kind === 'ready' ? resolve() : reject(new Error(m.kind === 'error' ? m.message : 'prerender-pool: unexpected first message'))));
                  worker.once('error', reject);
                }));
                worker.on('message', (m: PoolReply) => {
                  if (m.kind === 'ready') return;
                  // A value published by a page in the worker: to this thread's listeners (and the other workers').
                  if (m.kind === 'publish') {
                    deliverHere(m.topic, m.key, m.value);
                    if (m.all) for (const o of workers) if (o !== w) o.worker.postMessage({ kind: 'deliver', topic: m.topic, key: m.key, value: m.value } satisfies PoolDelivery);
                    return;
                  }
                  const job = pending.get(m.id);
                  if (!job) return;
                  pending.delete(m.id);
                  job.worker.busy--;
                  if (m.kind === 'page') job.resolve(new Response(m.body, { status: m.status, statusText: m.statusText, headers: m.headers }));
                  else job.reject(Object.assign(new Error(m.message), { stack: m.stack, name: m.name }));
                });
                worker.on('error', (e: Error) => {
                  for (const [id, job] of pending) if (job.worker === w) (pending.delete(id), job.reject(e));
                });
                worker.on('exit', (code) => {
                  for (const [id, job] of pending) if (job.worker === w) (pending.delete(id), job.reject(new Error(`prerender-pool: a worker stopped (exit code ${code}) while rendering`)));
                });
                workers.push(w);
              }
              await Promise.all(ready);
              // Values published by pages on this thread for every thread go to each worker (prerender-protocol.ts).
              buildHub().send = (topic, key, value, all) => {
                if (all) for (const o of workers) o.worker.postMessage({ kind: 'deliver', topic, key, value } satisfies PoolDelivery);
              };
              eluStart = [nodePerformance.eventLoopUtilization(), ...workers.map((w) => w.worker.performance.eventLoopUtilization())];
              logger.info(`rendering pages on the main thread and ${size} worker thread${size > 1 ? 's' : ''} (PRERENDER_WORKERS=0: the main thread alone)`);
            },
            getStaticPaths: () => fallback.getStaticPaths(),
            async render(request, options) {
              const { routeData } = options;
              const key = affinityKey(new URL(request.url).pathname, routeData, shared);
              // Renderer 0 is the main thread, 1… the workers.
              const index = pickWorker(key, [mainBusy, ...workers.map((w) => w.busy)], placed, [MAIN_SHARE, ...workers.map(() => WORKER_SHARE)]);
              pages++;
              perThread[index] = (perThread[index] ?? 0) + 1;
              if (index === 0) {
                mainBusy++;
                try {
                  return await fallback.render(request, options);
                } finally {
                  mainBusy--;
                }
              }
              const w = workers[index - 1]!;
              w.busy++;
              const id = nextId++;
              const message: PoolRequest = { id, url: request.url, route: routeData.route, component: routeData.component };
              return new Promise<Response>((resolve, reject) => {
                pending.set(id, { resolve, reject, worker: w });
                w.worker.postMessage(message);
              });
            },
            async teardown() {
              const split = Array.from({ length: size + 1 }, (_, i) => perThread[i] ?? 0).join(' + ');
              // Read before the workers stop.
              const elu = [nodePerformance.eventLoopUtilization(eluStart[0]), ...workers.map((w, i) => w.worker.performance.eventLoopUtilization(eluStart[i + 1]))];
              const use = elu.map((e) => `${Math.round(e.utilization * 100)} %`).join(' / ');
              buildHub().send = undefined;
              await Promise.all(workers.map((w) => w.worker.terminate()));
              await fallback.teardown?.();
              logger.info(`${pages} pages rendered on ${size + 1} threads (main + workers: ${split}; busy ${use}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
            },
          };
        });
      },
    },
  };
}

/** The part of Astro's build options the pool reads (StaticBuildOptions is not exported). */
interface BuildOptions {
  settings: { scripts: { stage: string; content: string }[] };
  allPages: Record<string, { styles: unknown[] }>;
}

/**
 * The prerender bundle's entry (prerender-entry.<hash>.mjs, which exports `app`). Astro writes the bundle
 * to <outDir>/.prerender/, or to <cwd>/.astro/.prerender/ when the output folder is outside the
 * working directory (astro/dist/prerender/utils.js, getPrerenderOutputDirectory; e.g. check:content
 * builds into a temporary folder).
 */
function prerenderEntry(outDir: URL, since: number): string {
  const out = fileURLToPath(outDir);
  const dir = join(out.startsWith(process.cwd()) ? out : join(process.cwd(), '.astro'), '.prerender');
  // That folder under .astro/ is not emptied between builds: this build's entry is the one written
  // since it started (the newest, if ever there were two).
  const entries = (existsSync(dir) ? readdirSync(dir) : [])
    .filter((f) => /^prerender-entry\..*\.mjs$/.test(f))
    .map((f) => ({ f, mtime: statSync(join(dir, f)).mtimeMs }))
    .filter(({ mtime }) => mtime >= since)
    .sort((a, b) => b.mtime - a.mtime);
  if (!entries.length) throw new Error(`prerender-pool: no prerender-entry.*.mjs written by this build in ${dir}; turn the pool off with PRERENDER_WORKERS=0`);
  return pathToFileURL(join(dir, entries[0]!.f)).href;
}
