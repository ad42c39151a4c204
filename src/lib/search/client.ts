/**
 * Browser loader: fetches the engine code (lunr) and the index + store only when first asked
 * (focus, shortcut, or the search page), once per page; every caller shares the promise.
 */
import type { SearchEngine } from './engine.ts';
import { href } from '../paths';

let pending: Promise<SearchEngine> | undefined;

/** The search engine, loading it on first call. A failed load can be retried. */
export function loadSearch(): Promise<SearchEngine> {
  pending ??= (async () => {
    const get = async (path: string) => {
      const res = await fetch(href(path));
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return res.json();
    };
    const [{ SearchEngine }, index, store] = await Promise.all([import('./engine.ts'), get('/search/index.json'), get('/search/store.json')]);
    return new SearchEngine(index, store).prepare();
  })();
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

/** Whether the engine has been asked for (for tests and diagnostics). */
export const searchRequested = (): boolean => pending !== undefined;
