/**
 * The two hooks both search islands (header box and search page) use: one loader for the search
 * worker, and the outcome of the current query.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { loadSearch, SearchTimeoutError, type SearchClient } from '../lib/search/client';
import type { SearchOutcome } from '../lib/search/engine';
import type { DocType } from '../lib/search/types';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error' | 'timeout';

/** Starts the search worker on `load()` (once; again after a failure, as a retry). */
export function useSearchClient(): { client: SearchClient | null; status: LoadStatus; load: () => void } {
  const [client, setClient] = useState<SearchClient | null>(null);
  const [status, setStatus] = useState<LoadStatus>('idle');
  const started = useRef(false);
  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setStatus('loading');
    loadSearch().then(
      (c) => {
        setClient(c);
        setStatus('ready');
      },
      (e: unknown) => {
        started.current = false;
        setStatus(e instanceof SearchTimeoutError ? 'timeout' : 'error');
      },
    );
  }, []);
  return { client, status, load };
}

/**
 * The outcome of a query, answered asynchronously by the search worker. Keeps the previous
 * outcome on screen until the new one arrives (no flicker) and drops answers to stale queries.
 */
export function useSearch(client: SearchClient | null, query: string, limit: number, type?: DocType | ''): SearchOutcome | null {
  const [outcome, setOutcome] = useState<SearchOutcome | null>(null);
  useEffect(() => {
    if (!client || !query.trim()) {
      setOutcome(null);
      return;
    }
    let current = true;
    client.search(query, { limit, types: type ? [type] : undefined }).then(
      (o) => current && setOutcome(o),
      () => current && setOutcome(null),
    );
    return () => {
      current = false;
    };
  }, [client, query, limit, type]);
  return outcome;
}
