/**
 * The per-page gates, in one visit per page (the suite must stay fast on a 2-core machine):
 * every built page (from dist/, including noindex ones), plus 404, loads under its Content Security Policy with no CSP
 * violation, uncaught exception, console error or failed request (also after scrolling, so
 * islands that hydrate when visible run too); then axe (WCAG 2.0/2.1/2.2 A and AA rules) finds
 * nothing, headings are in order, landmarks are complete and named (was keyboard.spec.ts, on four
 * pages) and every target is at least 24×24 px. One page of each main type then goes on, in the
 * same visit, in the dark theme on a phone (was a11y.spec.ts): the dark theme really applies, axe,
 * targets, no sideways scrolling, and still no CSP violation or error. Soft assertions: one run
 * reports every kind of problem on the page.
 *
 * One browser page per worker visits all its pages in turn (a new context per page cost more than
 * many of the checks). Each visit starts as a new context would: from about:blank (so the previous
 * page has left and written what it writes on leaving), with the origin's storage cleared, the
 * project's viewport and the light scheme; the context has the project's device settings and blocks
 * service workers, as the config does. A failed test ends its worker (Playwright starts a new one),
 * so what it left behind cannot reach another page's checks.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { allPages, axeViolations, headingProblems, landmarkProblems, pageWatcher, representativePages, scrollThrough, undersizedTargets } from './quality-helpers';

const darkOnPhone = new Set(representativePages());

type Visitor = { page: Page; watcher: Awaited<ReturnType<typeof pageWatcher>>; fresh: () => Promise<void> };
const test = base.extend<{ visitor: Visitor }, { workerVisitor: Visitor }>({
  workerVisitor: [
    async ({ browser }, use, workerInfo) => {
      const u = workerInfo.project.use;
      const viewport = u.viewport ?? { width: 1280, height: 720 };
      const context = await browser.newContext({
        baseURL: u.baseURL,
        viewport,
        userAgent: u.userAgent,
        deviceScaleFactor: u.deviceScaleFactor,
        isMobile: u.isMobile,
        hasTouch: u.hasTouch,
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      const watcher = await pageWatcher(page);
      const cdp = await context.newCDPSession(page);
      const origin = new URL(u.baseURL!).origin;
      const fresh = async () => {
        await page.goto('about:blank');
        // Everything a new context would not have: local storage (progress, theme), IndexedDB,
        // caches, cookies. The site keeps nothing in sessionStorage (nothing in src/ uses it).
        await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: 'light' });
        watcher.reset();
      };
      await use({ page, watcher, fresh });
      await context.close();
    },
    { scope: 'worker' },
  ],
  visitor: async ({ workerVisitor }, use) => {
    await workerVisitor.fresh();
    await use(workerVisitor);
  },
});

for (const path of allPages()) {
  test(`CSP, errors, axe, headings, landmarks, targets: ${path}`, async ({ visitor: { page, watcher } }) => {
    // The pages that also get the dark phone pass run axe twice in one visit (timed out at 60 s once
    // on a loaded 2-core machine): they get the time of two visits.
    if (darkOnPhone.has(path)) test.setTimeout(120_000);
    // The answer keys lay out every question and scenario branch on one long page (the cases key took
    // 55 s of its 60 s on a 2-core machine at load 15): they get the same.
    if (/\/answer-key\/$/.test(path)) test.setTimeout(120_000);
    const problems = watcher.read;
    await page.goto(path);
    // The policy arrives as a <meta> (static hosting) and is strict about scripts.
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toBeTruthy();
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'self'/);
    await scrollThrough(page);
    expect.soft(await problems(), 'CSP violations, page errors, console errors, failed requests').toEqual([]);
    expect.soft(await axeViolations(page), 'axe violations').toEqual([]);
    expect.soft(await headingProblems(page), 'heading order').toEqual([]);
    expect.soft(await landmarkProblems(page, { fullScreen: /\/present(er)?\/$/.test(path) }), 'landmarks').toEqual([]);
    expect.soft(await undersizedTargets(page), 'targets under 24×24 px').toEqual([]);
    if (!darkOnPhone.has(path)) return;

    // Dark theme on a phone. The dark theme really applies: the page differs from its light self
    // (no colours copied from the CSS); the OS preference is read before first paint (reload).
    const bodyBg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBg = await bodyBg();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'light');
    expect.soft(await bodyBg(), 'dark body background').not.toBe(lightBg);
    expect.soft(await axeViolations(page), 'axe violations (dark, phone)').toEqual([]);
    expect.soft(await undersizedTargets(page), 'targets under 24×24 px (dark, phone)').toEqual([]);
    // Nothing scrolls sideways on a phone (WCAG 1.4.10 Reflow).
    expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), 'page width on a 360 px phone').toBeLessThanOrEqual(360);
    expect.soft(await problems(), 'CSP violations, page errors, console errors, failed requests (dark, phone)').toEqual([]);
  });
}
