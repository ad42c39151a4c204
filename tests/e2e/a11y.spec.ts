/**
 * Accessibility beyond the light-theme desktop pass that every page gets in every-page.spec.ts:
 * one page of each main type in the dark theme on a phone (axe, 24×24 px targets, no sideways
 * scrolling), and the dark theme chosen with the toggle.
 */
import { expect, test } from '@playwright/test';
import { axeViolations, lessonPaths, sitemapPaths, undersizedTargets } from './quality-helpers';

/** One page of each main type: home, a module, a lesson, the glossary. */
function representative(): string[] {
  const all = sitemapPaths();
  const home = all.reduce((a, b) => (b.length < a.length ? b : a));
  const lesson = lessonPaths()[0]!;
  const module = lesson.replace(/[^/]+\/$/, '');
  return [home, module, lesson, `${home}glossary/`].filter((p) => all.includes(p));
}

for (const path of representative()) {
  test(`dark theme on a phone: axe, target size, reflow: ${path}`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    // The dark theme really applies: the page differs from its light self (no colours copied from the CSS).
    const bodyBg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    const lightBg = await bodyBg();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'light');
    expect(await bodyBg()).not.toBe(lightBg);
    expect(await axeViolations(page), 'axe violations').toEqual([]);
    expect(await undersizedTargets(page), 'targets under 24×24 px').toEqual([]);
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
