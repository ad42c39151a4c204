/**
 * /search/data/*: the sharded search index (manifest, shards, fragments; see lib/search/shards.ts),
 * built once per build. Every search data file lives in this one directory.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchFiles } from '../../../lib/search/content';

export const getStaticPaths = (async () => [...(await getSearchFiles()).keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response((await getSearchFiles()).get(params.file!) ?? '', { headers: { 'Content-Type': 'application/json' } });
