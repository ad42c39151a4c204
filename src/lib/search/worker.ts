/**
 * Search worker: loads the index and store and answers queries off the main thread, so building
 * lunr's structures (~17,000 terms) never blocks typing, scrolling or the first paint.
 * Protocol (see client.ts): {type:'init', index, store} → {type:'ready'} | {type:'error'};
 * {type:'search', id, input, opts} → {type:'result', id, outcome} | {type:'result', id, error}.
 */
import { SearchEngine, type SearchOptions } from './engine.ts';
import type { StoreJSON } from './types.ts';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
}
const scope = self as unknown as WorkerScope;
let engine: SearchEngine | undefined;

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

scope.onmessage = async (e: MessageEvent) => {
  const msg = e.data as { type: string; id?: number; index?: string; store?: string; input?: unknown; opts?: SearchOptions };
  if (msg.type === 'init') {
    try {
      const [index, store] = await Promise.all([getJson(msg.index!), getJson(msg.store!)]);
      engine = new SearchEngine(index as object, store as StoreJSON).prepare();
      scope.postMessage({ type: 'ready' });
    } catch (err) {
      scope.postMessage({ type: 'error', message: String(err) });
    }
  } else if (msg.type === 'search') {
    try {
      if (!engine) throw new Error('search index not loaded');
      scope.postMessage({ type: 'result', id: msg.id, outcome: engine.search(msg.input, msg.opts) });
    } catch (err) {
      scope.postMessage({ type: 'result', id: msg.id, error: String(err) });
    }
  }
};
