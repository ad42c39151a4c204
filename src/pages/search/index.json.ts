/** /search/index.json: the serialised lunr index (built once per build, no term positions). */
import type { APIRoute } from 'astro';
import { getSearchData } from '../../lib/search/content';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getSearchData()).index), { headers: { 'Content-Type': 'application/json' } });
