import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { pickWorker, publish, subscribe } from '../../src/lib/build/prerender-protocol';
import { affinityKey, poolSize, prerenderPool } from '../../src/lib/build/prerender-pool';

describe('pickWorker', () => {
  it('sends a page to the least busy worker, lowest index on a tie', () => {
    const placed = new Map<string, number>();
    expect(pickWorker(null, [0, 0], placed)).toBe(0);
    expect(pickWorker(null, [1, 0], placed)).toBe(1);
    expect(pickWorker(null, [2, 1, 1], placed)).toBe(1);
  });
  it('fills each renderer to its share: a worker holds several pages before the main thread takes one', () => {
    const placed = new Map<string, number>();
    const cap = [1, 4];
    expect(pickWorker(null, [0, 0], placed, cap)).toBe(1);
    expect(pickWorker(null, [0, 3], placed, cap)).toBe(1); // full either way: the larger share takes it
    expect(pickWorker(null, [0, 4], placed, cap)).toBe(0);
    expect(pickWorker(null, [1, 4], placed, cap)).toBe(1);
  });
  it('keeps a pair of pages with one affinity key on one worker, however busy it is', () => {
    const placed = new Map<string, number>();
    expect(pickWorker('/learn/m/l/', [0, 3], placed)).toBe(0);
    expect(pickWorker(null, [1, 3], placed)).toBe(0);
    expect(pickWorker('/learn/m/l/', [5, 0], placed)).toBe(0);
    // The pair is complete: the map does not grow with the course.
    expect(placed.size).toBe(0);
  });
});

describe('affinityKey', () => {
  const seg = (...names: string[]) => names.map((n) => (n.startsWith('[') ? [{ content: n.slice(1, -1), dynamic: true, spread: false }] : [{ content: n, dynamic: false, spread: false }]));
  it('leaves out the shared parameter: pages that differ only in it get one key', () => {
    const deck = { segments: seg('learn', '[module]', '[lesson]', '[view]') };
    expect(affinityKey('/learn/m/l/present/', deck, ['view'])).toBe('learn/m/l/*');
    expect(affinityKey('/learn/m/l/presenter/', deck, ['view'])).toBe('learn/m/l/*');
    expect(affinityKey('/learn/m/k/present/', deck, ['view'])).toBe('learn/m/k/*');
    const docs = { segments: seg('teach', '[doc]', '[module]') };
    expect(affinityKey('/teach/plan/m1/', docs, ['view', 'doc'])).toBe('teach/*/m1');
  });
  it('gives no key to other routes', () => {
    expect(affinityKey('/learn/m/l/', { segments: seg('learn', '[module]', '[lesson]') }, ['view'])).toBeNull();
    expect(affinityKey('/glossary/', { segments: seg('glossary') }, ['view'])).toBeNull();
  });
});

describe('poolSize', () => {
  it('defaults to one worker fewer than the cores (the main thread renders too), at most 3', () => {
    expect(poolSize(undefined, 2)).toBe(1);
    expect(poolSize(undefined, 1)).toBe(0);
    expect(poolSize('', 16)).toBe(3);
  });
  it('takes PRERENDER_WORKERS, 0 turning the pool off, and refuses nonsense', () => {
    expect(poolSize('0', 8)).toBe(0);
    expect(poolSize('3', 2)).toBe(3);
    expect(() => poolSize('two', 2)).toThrow(/PRERENDER_WORKERS/);
    expect(() => poolSize('-1', 2)).toThrow(/PRERENDER_WORKERS/);
  });
});

/**
 * The pool end to end with a stand-in for Astro's prerender bundle: real worker threads import it,
 * get the page styles and head scripts the main thread's options carry, and answer each page.
 */
describe('prerender pool with worker threads', () => {
  let dir = '';
  let pool: AstroPrerenderer;
  const infos: string[] = [];
  const route = (r: string, params: string[] = []) =>
    ({
      route: r,
      component: `src/pages${r}.astro`,
      params,
      segments: r.split('/').filter(Boolean).map((p) => [{ content: p.replace(/^\[(.*)\]$/, '$1'), dynamic: p.startsWith('['), spread: false }]),
    }) as unknown as Parameters<AstroPrerenderer['render']>[1]['routeData'];

  beforeAll(async () => {
    // Inside the working directory, as a build's output folder usually is (outside it, Astro puts the
    // bundle under <cwd>/.astro/, which this test leaves alone).
    mkdirSync(join(process.cwd(), '.astro'), { recursive: true });
    dir = mkdtempSync(join(process.cwd(), '.astro', 'prerender-pool-test-'));
    mkdirSync(join(dir, '.prerender'));
    // The stand-in app: echoes what a page needs from the main thread, and which worker rendered it.
    writeFileSync(
      join(dir, '.prerender', 'prerender-entry.test.mjs'),
      `import { threadId } from 'node:worker_threads';
import { publish, subscribe } from ${JSON.stringify(pathToFileURL(join(process.cwd(), 'src/lib/build/prerender-protocol.ts')).href)};
let internals, options;
// What this thread heard of the values published for every thread (a lesson's teaching facts).
const heard = [];
subscribe('t-all', (key, value) => heard.push(key + '@' + value));
export const app = {
  manifest: { routes: [{ routeData: { route: '/page', component: 'src/pages/page.astro' } }, { routeData: { route: '/deck/[lesson]/[view]', component: 'src/pages/deck/[lesson]/[view].astro' } }, { routeData: { route: '/broken', component: 'src/pages/broken.astro' } }, { routeData: { route: '/pub', component: 'src/pages/pub.astro' } }, { routeData: { route: '/heard', component: 'src/pages/heard.astro' } }] },
  setInternals(i) { internals = i; },
  setOptions(o) { options = o; },
  async render(request, { routeData }) {
    if (routeData.route === '/broken') throw new Error('lesson x: quiz y has no answer');
    if (routeData.route === '/pub') {
      const key = new URL(request.url).searchParams.get('k');
      publish('t-main', key, { thread: threadId });
      publish('t-all', key, threadId, { all: true });
    }
    if (routeData.route === '/heard') return new Response(JSON.stringify({ thread: threadId, heard }));
    const styles = internals.pagesByKeys.get(routeData.route + '&' + routeData.component)?.styles ?? [];
    return new Response(JSON.stringify({ url: request.url, thread: threadId, styles, scripts: options.settings.scripts }), { headers: { 'content-type': 'text/html' } });
  },
};
`,
    );
    process.env.PRERENDER_WORKERS = '2';
    const integration: AstroIntegration = prerenderPool({ shared: ['view'] });
    const hooks = integration.hooks as Record<string, (o: unknown) => void>;
    hooks['astro:config:done']!({ config: { outDir: pathToFileURL(dir + '/') } });
    let factory: ((d: AstroPrerenderer) => AstroPrerenderer) | undefined;
    hooks['astro:build:start']!({ setPrerenderer: (f: typeof factory) => (factory = f), logger: { info: (m: string) => infos.push(m) } });
    const fallback: AstroPrerenderer & { app: unknown } = {
      name: 'stand-in',
      setup: async () => {},
      getStaticPaths: async () => [],
      render: async (request) => new Response(JSON.stringify({ url: request.url, thread: 0 })),
      app: { manifest: { routes: [] }, getOptions: () => ({ settings: { scripts: [{ stage: 'head-inline', content: 'x()' }] }, allPages: { '/page&src/pages/page.astro': { styles: [{ sheet: { type: 'external', src: '/a.css' } }] } } }) },
    };
    pool = factory!(fallback);
    await pool.setup!();
  });
  afterAll(async () => {
    await pool?.teardown?.();
    delete process.env.PRERENDER_WORKERS;
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders in worker threads with the styles and scripts of the main thread', async () => {
    // Three at once: the workers take them (each holds several pages before the main thread takes one).
    const pages = await Promise.all([1, 2, 3].map(() => pool.render(new Request('http://x/page/'), { routeData: route('/page') })));
    const bodies = (await Promise.all(pages.map((r) => (r as Response).json()))) as { url: string; thread: number; styles?: unknown[]; scripts?: unknown[] }[];
    expect(bodies.map((b) => b.thread > 0)).toEqual([true, true, true]);
    for (const body of bodies) {
      expect(body.url).toBe('http://x/page/');
      expect(body.styles).toEqual([{ sheet: { type: 'external', src: '/a.css' } }]);
      expect(body.scripts).toEqual([{ stage: 'head-inline', content: 'x()' }]);
    }
    expect((pages[1] as Response).headers.get('content-type')).toBe('text/html');
  });

  it('uses the main thread and both workers, and renders a lesson\'s two deck views on one', async () => {
    // 80 pages at once: more than the workers' shares, so the main thread takes some too.
    const deck = route('/deck/[lesson]/[view]', ['view']);
    const pages = await Promise.all(
      Array.from({ length: 40 }, (_, i) => [`http://x/deck/l${i}/present/`, `http://x/deck/l${i}/presenter/`]).flat().map((u) => pool.render(new Request(u), { routeData: deck })),
    );
    const threads = await Promise.all(pages.map(async (r) => ((await (r as Response).json()) as { thread: number }).thread));
    expect(new Set(threads).size).toBe(3);
    for (let i = 0; i < threads.length; i += 2) expect(threads[i + 1]).toBe(threads[i]);
  });

  it('hands values published by pages to the main thread, and to every thread when asked', async () => {
    const toMain = new Map<string, unknown>();
    const allOnMain: string[] = [];
    const stops = [subscribe('t-main', (k, v) => toMain.set(k, v)), subscribe('t-all', (k, v) => allOnMain.push(`${k}@${v}`))];
    const keys = Array.from({ length: 30 }, (_, i) => `l${i}`);
    const pages = await Promise.all(keys.map((k) => pool.render(new Request(`http://x/pub/?k=${k}`), { routeData: route('/pub') })));
    const threadOf = new Map(await Promise.all(pages.map(async (r, i) => [keys[i]!, ((await (r as Response).json()) as { thread: number }).thread] as const)));
    // The stand-in main thread (thread 0) publishes nothing: the workers' pages count.
    const onWorkers = keys.filter((k) => threadOf.get(k)! > 0);
    expect(new Set(onWorkers.map((k) => threadOf.get(k))).size).toBe(2);
    // The main thread heard each page's value by the time the page came back, whichever worker made it.
    for (const k of onWorkers) expect(toMain.get(k)).toEqual({ thread: threadOf.get(k) });
    publish('t-all', 'main', 0, { all: true });
    expect(allOnMain.sort()).toEqual([...onWorkers.map((k) => `${k}@${threadOf.get(k)}`), 'main@0'].sort());
    // Every worker heard every value but its own pages' (those it heard itself), and the main thread's.
    const answers = await Promise.all(Array.from({ length: 30 }, () => pool.render(new Request('http://x/heard/'), { routeData: route('/heard') })));
    const workers = new Map<number, string[]>();
    for (const r of answers) {
      const { thread, heard } = (await (r as Response).json()) as { thread: number; heard?: string[] };
      if (heard) workers.set(thread, heard);
    }
    expect(workers.size).toBe(2);
    for (const heard of workers.values()) expect([...heard].sort()).toEqual([...allOnMain].sort());
    for (const stop of stops) stop();
  });

  it('fails the page with the error the page threw', async () => {
    // The main thread busy with one page, the broken one goes to a worker.
    const [, broken] = [pool.render(new Request('http://x/page/'), { routeData: route('/page') }), pool.render(new Request('http://x/broken/'), { routeData: route('/broken') })];
    await expect(broken).rejects.toThrow('lesson x: quiz y has no answer');
    // … and goes on rendering.
    const res = await pool.render(new Request('http://x/page/'), { routeData: route('/page') });
    expect((res as Response).status).toBe(200);
  });
});
