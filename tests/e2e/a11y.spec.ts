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

test('the memoised axe (quality-helpers fastAxeSource) reports exactly what axe as published reports', async ({ page }) => {
  await page.goto(lessonPaths()[0]!);
  // Planted faults: low-contrast text in every colour syntax the page can compute (hex, hsl, alpha,
  // oklch, color-mix) over plain and translucent backgrounds, repeated so the memo is hit.
  await page.evaluate(() => {
    const box = document.createElement('div');
    const pairs = [
      ['#8a8a8a', '#ffffff'],
      ['hsl(0 0% 60%)', 'rgb(250 250 250)'],
      ['rgba(0, 0, 0, 0.3)', 'transparent'],
      ['oklch(0.75 0.05 250)', 'oklch(0.98 0.01 90)'],
      ['color-mix(in srgb, #888 80%, white)', 'rgba(255, 255, 255, 0.6)'],
    ];
    for (let i = 0; i < 3; i++)
      for (const [fg, bg] of pairs) {
        const p = document.createElement('p');
        p.textContent = `低对比度示例 ${fg}`;
        p.style.color = fg!;
        p.style.backgroundColor = bg!;
        box.append(p);
      }
    document.querySelector('main')!.prepend(box);
  });
  const memo = await axeViolations(page);
  const plain = await axeViolations(page, { plain: true });
  expect(memo.filter((v) => v.startsWith('color-contrast')).length).toBeGreaterThanOrEqual(12);
  expect(memo).toEqual(plain);
});
