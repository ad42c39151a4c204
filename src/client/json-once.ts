/**
 * Fetches a JSON file the build writes (course index, 错题本 questions) at most once per page and
 * checks its shape. A failed or malformed response rejects (callers keep their fallback) and is not
 * memoised, so a later call retries. The HTTP cache keeps it between pages.
 */
import { href } from '../lib/paths';

const pending = new Map<string, Promise<unknown>>();

export function loadJsonOnce<T>(path: string, parse: (data: unknown) => T): Promise<T> {
  let p = pending.get(path) as Promise<T> | undefined;
  if (!p) {
    p = fetch(href(path), { credentials: 'same-origin' })
      .then((r) => {
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return r.json() as Promise<unknown>;
      })
      .then(parse)
      .catch((e: unknown) => {
        pending.delete(path);
        throw e;
      });
    pending.set(path, p);
  }
  return p;
}
