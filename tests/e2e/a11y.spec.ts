/**
 * Accessibility gate: axe (WCAG 2.0/2.1/2.2 A and AA rules) over every built page with zero
 * violations, plus what axe cannot judge from one snapshot: heading order and 24×24 px targets.
 * Dark theme and a phone viewport are checked on one page of each main type.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { allPages, headingProblems, lessonPaths, sitemapPaths, undersizedTargets } from './quality-helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

for (const path of allPages()) {
  test(`axe, heading order and target size: ${path}`, async ({ page }) => {
    await page.goto(path);
    expect(await axeViolations(page), 'axe violations').toEqual([]);
    expect(await headingProblems(page), 'heading order').toEqual([]);
    expect(await undersizedTargets(page), 'targets under 24×24 px').toEqual([]);
  });
}

/** One page of each main type: home, a module, a lesson, the glossary. */
function representative(): string[] {
  const all = sitemapPaths();
  const home = all.reduce((a, b) => (b.length < a.length ? b : a));
  const lesson = lessonPaths()[0]!;
  const module = lesson.replace(/[^/]+\/$/, '');
  return [home, module, lesson, `${home}glossary/`].filter((p) => all.includes(p));
}

for (const path of representative()) {
  test(`axe in the dark theme: ${path}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(path);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(251, 250, 247)');
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`axe and target size on a phone: ${path}`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
    expect(await undersizedTargets(page)).toEqual([]);
    // Nothing scrolls sideways on a phone (WCAG 1.4.10 Reflow).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
}

test('the dark theme chosen with the toggle passes axe too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(lessonPaths()[0]!);
  await page.evaluate(() => localStorage.setItem('xtzd-theme', 'dark'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await axeViolations(page)).toEqual([]);
});
