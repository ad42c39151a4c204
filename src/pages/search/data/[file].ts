/**
 * /search/data/*: the sharded search index (manifest, shards, fragments; see lib/search/shards.ts),
 * built once per build. Every search data file lives in this one directory.
 * In `astro build` the `search-index` integration (lib/search/integration.ts) builds the files in a
 * worker thread and writes them itself: this route hands it the documents and renders nothing. Without
 * the integration (astro dev) the route builds and serves the same files on this thread.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchDocs, getSearchFiles } from '../../../lib/search/content';
import { searchIndexJob } from '../../../lib/search/offthread';

export const getStaticPaths = (async () => {
  const job = searchIndexJob();
  if (job) {
    // Not awaited: the lessons are read while the pages render, not before (a failure fails the build
    // at astro:build:done, see lib/search/integration.ts).
    job.start(getSearchDocs());
    return [];
  }
  return [...(await getSearchFiles()).keys()].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response((await getSearchFiles()).get(params.file!) ?? '', { headers: { 'Content-Type': 'application/json' } });
