/**
 * The per-page gates, in one visit per page (the suite must stay fast on a 2-core machine):
 * every built page (from dist/, including noindex ones), plus 404, loads under its Content Security Policy with no CSP
 * violation, uncaught exception, console error or failed request (also after scrolling, so
 * islands that hydrate when visible run too); then axe (WCAG 2.0/2.1/2.2 A and AA rules) finds
 * nothing, headings are in order, landmarks are complete and named (was keyboard.spec.ts, on four
 * pages) and every target is at least 24×24 px. Soft assertions: one
 * run reports every kind of problem on the page.
 */
import { expect, test } from '@playwright/test';
import { allPages, axeViolations, headingProblems, landmarkProblems, scrollThrough, undersizedTargets, watchPage } from './quality-helpers';

for (const path of allPages()) {
  test(`CSP, errors, axe, headings, landmarks, targets: ${path}`, async ({ page }) => {
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
    expect.soft(await problems(), 'CSP violations, page errors, console errors, failed requests').toEqual([]);
    expect.soft(await axeViolations(page), 'axe violations').toEqual([]);
    expect.soft(await headingProblems(page), 'heading order').toEqual([]);
    expect.soft(await landmarkProblems(page, { fullScreen: /\/present(er)?\/$/.test(path) }), 'landmarks').toEqual([]);
    expect.soft(await undersizedTargets(page), 'targets under 24×24 px').toEqual([]);
  });
}
