/**
 * Tooltip ids for <Term>: numbered per render (a page, or one container render of a lesson body),
 * so they are unique within what one render produces and the same however many pages the build
 * renders before it. A global counter made the present and presenter pages of a lesson differ, so
 * they could not share one render (issue 17). `scope` is the render's `Astro.locals` (one object
 * per page render and per container render); a WeakMap lets it go with the render.
 */
const seqs = new WeakMap<object, number>();

export function nextTermSeq(scope: object): number {
  const n = (seqs.get(scope) ?? 0) + 1;
  seqs.set(scope, n);
  return n;
}
