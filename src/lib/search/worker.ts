/**
 * Search worker: loads the manifest of the sharded index, then per query the shards and
 * fragments it needs, off the main thread, so parsing and scoring never block typing,
 * scrolling or the first paint.
 * Protocol (see client.ts): {type:'init', data} → {type:'ready'} | {type:'error'};
 * {type:'search', id, input, opts} → {type:'result', id, outcome} | {type:'result', id, error}.
 * `data` is the absolute URL of the search data directory (ending in '/').
 */
import { SearchEngine, type SearchOptions } from './engine.ts';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
}
const scope = self as unknown as WorkerScope;
let engine: SearchEngine | undefined;

scope.onmessage = async (e: MessageEvent) => {
  const msg = e.data as { type: string; id?: number; data?: string; input?: unknown; opts?: SearchOptions };
  if (msg.type === 'init') {
    try {
      const base = msg.data!;
      engine = await SearchEngine.open(async (file) => {
        const url = new URL(file, base).href;
        const res = await fetch(url);
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
        return res.json();
      });
      scope.postMessage({ type: 'ready' });
    } catch (err) {
      scope.postMessage({ type: 'error', message: String(err) });
    }
  } else if (msg.type === 'search') {
    try {
      if (!engine) throw new Error('search index not loaded');
      scope.postMessage({ type: 'result', id: msg.id, outcome: await engine.search(msg.input, msg.opts) });
    } catch (err) {
      scope.postMessage({ type: 'result', id: msg.id, error: String(err) });
    }
  }
};
