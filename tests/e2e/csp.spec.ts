/**
 * Every built page (from the sitemap, plus 404) loads under the Content Security Policy with
 * no CSP violation, no uncaught exception, no console error and no failed request — also
 * after scrolling, so islands that hydrate when visible run too.
 */
import { expect, test } from '@playwright/test';
import { allPages, sitemapPaths, watchPage, scrollThrough } from './quality-helpers';
import { builtPages } from './helpers';

const pages = allPages();

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

for (const path of pages) {
  test(`no CSP violation, page error or console error: ${path}`, async ({ page }) => {
    const problems = await watchPage(page);
    await page.goto(path);
    // The policy arrives as a <meta> (static hosting) and is strict about scripts.
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toBeTruthy();
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'self'/);
    await scrollThrough(page);
    expect(await problems()).toEqual([]);
  });
}
