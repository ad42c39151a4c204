/**
 * The outcome of a query, answered asynchronously by the search worker. Keeps the previous
 * outcome on screen until the new one arrives (no flicker) and drops answers to stale queries.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SearchClient } from '../lib/search/client';
import type { SearchOutcome } from '../lib/search/engine';
import type { DocType } from '../lib/search/types';

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
