/**
 * One worker of the prerender pool (prerender-pool.ts): imports the prerender bundle, gives its app what
 * Astro's default prerenderer gives it on the main thread (the page styles and the head scripts, through
 * setInternals / setOptions), then renders the pages it is sent, one reply per page.
 * Plain Node runs it from the source (type stripping).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildHub, deliverHere, type PoolDelivery, type PoolReply, type PoolRequest, type PoolSetup } from './prerender-protocol.ts';

interface RouteData {
  route: string;
  component: string;
}
interface BundleApp {
  manifest: { routes: { routeData: RouteData }[] };
  routeCache: unknown;
  getComponentByRoute(routeData: RouteData): Promise<unknown>;
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

const port = parentPort!;
const setup = workerData as PoolSetup;
const reply = (m: PoolReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

// Values the pages publish go to the main thread (prerender-protocol.ts, publish), ahead of the page's reply.
buildHub().send = (topic, key, value, all) => reply({ kind: 'publish', topic, key, value, all });

try {
  const { app } = (await import(setup.entry)) as { app: BundleApp };
  // What the build environment reads while rendering (astro/dist/core/build/environment.js): each
  // page's styles by page-data key, the bundled page script (none: no integration injects one), and
  // the injected scripts; and a log destination (warnings and errors go to this thread's stderr).
  app.setInternals({ pagesByKeys: new Map(setup.pages), entrySpecifierToBundleMap: new Map() });
  app.setOptions({
    settings: { scripts: setup.scripts },
    logger: {
      options: {
        destination: {
          write(event: { level: string; label?: string | null; message: string }) {
            if (event.level === 'warn' || event.level === 'error') process.stderr.write(`[prerender-pool${event.label ? ` ${event.label}` : ''}] ${event.message}\n`);
            return true;
          },
        },
      },
    },
  });
  const routes = new Map(app.manifest.routes.map(({ routeData }) => [`${routeData.route}\0${routeData.component}`, routeData]));
  // Collect every route's paths now, as the main thread does meanwhile (Astro's own StaticPaths over
  // this bundle's route cache): the course data is then loaded while this thread would otherwise wait,
  // and the first pages need no getStaticPaths. Pages that arrive before it ends wait on the same caches.
  const warm = (async () => {
    const { StaticPaths } = (await import('astro/runtime/prerender/static-paths.js')) as { StaticPaths: new (app: unknown) => { getAll(): Promise<unknown[]> } };
    const skip = new Set(setup.skipWarm);
    const view = { manifest: { ...app.manifest, routes: app.manifest.routes.filter(({ routeData }) => !skip.has(routeData.route)) }, routeCache: app.routeCache, getComponentByRoute: (r: RouteData) => app.getComponentByRoute(r) };
    await new StaticPaths(view).getAll();
  })();
  // A failure here shows again, with its page, when that route's page is rendered.
  warm.catch(() => {});

  port.on('message', async (m: PoolRequest | PoolDelivery) => {
    if ('kind' in m) return deliverHere(m.topic, m.key, m.value);
    try {
      const routeData = routes.get(`${m.route}\0${m.component}`);
      if (!routeData) throw new Error(`prerender-pool: the bundle has no route ${m.route} (${m.component})`);
      const response = await app.render(new Request(m.url), { routeData });
      const body = response.body === null ? null : await response.arrayBuffer();
      reply({ kind: 'page', id: m.id, status: response.status, statusText: response.statusText, headers: [...response.headers], body }, body ? [body] : []);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      reply({ kind: 'error', id: m.id, message: err.message, stack: err.stack, name: err.name });
    }
  });
  reply({ kind: 'ready' });
} catch (e) {
  reply({ kind: 'error', id: -1, message: `prerender-pool: a worker could not load the prerender bundle: ${e instanceof Error ? e.stack : String(e)}` });
}
