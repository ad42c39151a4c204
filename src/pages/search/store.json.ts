/** /search/store.json: the plain-text store used for titles, links and snippets. */
import type { APIRoute } from 'astro';
import { getSearchData } from '../../lib/search/content';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getSearchData()).store), { headers: { 'Content-Type': 'application/json' } });
