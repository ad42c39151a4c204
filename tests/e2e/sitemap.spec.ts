/**
 * The page list the per-page gates use (every-page.spec.ts) is complete: the sitemap lists
 * every built page, and robots.txt points to it.
 */
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './quality-helpers';
import { builtPages } from './helpers';

test('the sitemap lists every built page, and robots.txt points to it', async ({ request }) => {
  const listed = sitemapPaths(); // paths with the base
  const home = listed.reduce((a, b) => (b.length < a.length ? b : a));
  const built = builtPages().map((p) => home.replace(/\/$/, '') + p);
  expect(listed.sort()).toEqual(built.sort());
  const robots = await request.get(`${home}robots.txt`);
  expect(robots.ok()).toBe(true);
  const text = await robots.text();
  const sitemapUrl = text.match(/^Sitemap: (\S+)$/m)?.[1];
  expect(sitemapUrl).toBeTruthy();
  expect(new URL(sitemapUrl!).pathname).toBe(`${home}sitemap.xml`);
});
