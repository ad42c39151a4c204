/**
 * The sitemap lists every built page except those that ask not to be indexed (noindex, e.g.
 * presentation views), and robots.txt points to it. (The per-page gates in every-page.spec.ts
 * read the build output, so they cover noindex pages too.)
 */
import { expect, test } from '@playwright/test';
import { allPages, isNoindex, sitemapPaths } from './quality-helpers';

test('the sitemap lists every built page, and robots.txt points to it', async ({ request }) => {
  const listed = sitemapPaths(); // paths with the base
  const home = listed.reduce((a, b) => (b.length < a.length ? b : a));
  const indexable = allPages().filter((p) => !p.endsWith('/404.html') && !isNoindex(p));
  expect(listed.sort()).toEqual(indexable.sort());
  const robots = await request.get(`${home}robots.txt`);
  expect(robots.ok()).toBe(true);
  const text = await robots.text();
  const sitemapUrl = text.match(/^Sitemap: (\S+)$/m)?.[1];
  expect(sitemapUrl).toBeTruthy();
  expect(new URL(sitemapUrl!).pathname).toBe(`${home}sitemap-index.xml`);
});
