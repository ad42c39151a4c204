/**
 * Accessibility beyond the light-theme desktop pass: the dark theme on a phone for one page of
 * each main type (home, a module, a lesson, the glossary) runs in the same visit as that page's
 * other gates, in every-page.spec.ts. Here: the dark theme chosen with the toggle (a stored choice
 * that overrides a light OS preference) passes axe too.
 */
import { expect, test } from '@playwright/test';
import { axeViolations, lessonPaths } from './quality-helpers';

test('the dark theme chosen with the toggle passes axe too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(lessonPaths()[0]!);
  await page.evaluate(() => localStorage.setItem('xtzd-theme', 'dark'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await axeViolations(page)).toEqual([]);
});
