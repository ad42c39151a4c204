/**
 * Browser side of search: starts the search worker (which fetches lunr and the index manifest;
 * each query then fetches only the shards and fragments it needs)
 * only when first asked (focus, shortcut, or the search page), once per page; every caller shares
 * the promise. Queries are answered asynchronously by the worker, so the page never blocks.
 */
import type { SearchOptions, SearchOutcome } from './engine.ts';
import { href } from '../paths';
import { SEARCH_DATA_DIR } from './shards.ts';

export interface SearchClient {
  /** Runs a query in the worker. Rejects only if the worker fails. */
  search(input: string, opts?: SearchOptions): Promise<SearchOutcome>;
}

/**
 * How long the worker may take to fetch and load the index manifest before the load counts as
 * failed: generous for a slow mobile connection, short enough that a hung request does not leave
 * "loading" on screen for ever.
 */
export const LOAD_TIMEOUT_MS = 30_000;

/** The error a load rejects with when it timed out (the UI says so and offers a retry). */
export class SearchTimeoutError extends Error {
  override name = 'SearchTimeoutError';
}

let pending: Promise<SearchClient> | undefined;

function startWorker(): Promise<SearchClient> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url));
    const waiting = new Map<number, { resolve: (o: SearchOutcome) => void; reject: (e: Error) => void }>();
    let seq = 0;
    const fail = (err: Error) => {
      clearTimeout(timer);
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
      worker.terminate();
      reject(err);
    };
    const timer = setTimeout(() => fail(new SearchTimeoutError(`search index not loaded within ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
    worker.onerror = (e) => fail(new Error(e.message || 'search worker failed'));
    worker.onmessage = (e: MessageEvent) => {
      const msg = e.data as { type: string; id?: number; outcome?: SearchOutcome; error?: string; message?: string };
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve({
          search: (input, opts) =>
            new Promise<SearchOutcome>((res, rej) => {
              const id = ++seq;
              waiting.set(id, { resolve: res, reject: rej });
              worker.postMessage({ type: 'search', id, input, opts });
            }),
        });
      } else if (msg.type === 'error') {
        fail(new Error(msg.message ?? 'search index failed to load'));
      } else if (msg.type === 'result' && msg.id !== undefined) {
        const w = waiting.get(msg.id);
        waiting.delete(msg.id);
        if (!w) return;
        if (msg.outcome) w.resolve(msg.outcome);
        else w.reject(new Error(msg.error ?? 'search failed'));
      }
    };
    // Absolute URLs: the worker's own location is under /_astro/, not the page's.
    const abs = (p: string) => new URL(href(p), location.href).href;
    worker.postMessage({ type: 'init', data: abs(SEARCH_DATA_DIR) });
  });
}

/** The search client, starting the worker on first call. A failed load can be retried. */
export function loadSearch(): Promise<SearchClient> {
  pending ??= startWorker();
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

/** Whether search has been asked for (for tests and diagnostics). */
export const searchRequested = (): boolean => pending !== undefined;
