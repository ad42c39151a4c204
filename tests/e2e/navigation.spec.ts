import { expect, test } from '@playwright/test';
import { moduleTitles } from './helpers';

test('home page lists every module of the learning path and offers a start button', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/协调之道/);
  const path = page.getByRole('region', { name: '学习路径' });
  for (const title of moduleTitles()) {
    await expect(path.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: /开始学习/ })).toBeVisible();
});

test('outline → lesson → next lesson', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /开始学习/ }).click();
  const outline = page.getByRole('navigation', { name: '课程大纲' });
  const current = outline.locator('a[aria-current="page"]');
  await expect(current).toHaveCount(1);
  const firstTitle = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expect(current).toContainText(firstTitle);

  // Pick the second lesson of the outline by its link, then follow "next".
  const lessonLinks = outline.locator('ol.lessons a');
  const second = lessonLinks.nth(1);
  const secondTitle = (await second.locator('.lesson-title').textContent())!.trim();
  await second.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondTitle);
  const thirdTitle = (await lessonLinks.nth(2).locator('.lesson-title').textContent())!.trim();
  const pager = page.getByRole('navigation', { name: '上一课与下一课' });
  await pager.getByRole('link', { name: /下一课/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(thirdTitle);
  await expect(page.getByRole('navigation', { name: '上一课与下一课' }).getByRole('link', { name: /上一课/ })).toContainText(secondTitle);
});

test('the mobile outline menu works by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/');
  await page.getByRole('link', { name: /开始学习/ }).click();
  // The menu button is wired by the page's module script: wait for the lesson page to finish loading.
  await expect(page).toHaveURL(/\/learn\/[^/]+\/[^/]+\/$/);
  await page.waitForLoadState('load');
  const outline = page.getByRole('navigation', { name: '课程大纲' });
  await expect(outline).toBeHidden();
  const toggle = page.getByRole('button', { name: '课程目录' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(outline).toBeVisible();
  // Focus moves into the menu; Tab reaches another lesson link, Enter follows it.
  await expect(outline.locator('a[aria-current="page"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(outline).toBeHidden();
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  const target = (await focused.locator('.lesson-title').textContent())!.trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target);
});

test('a glossary term shows its definition on focus and links to the glossary', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /开始学习/ }).click();
  // Escape is handled by the page's script, which runs once the page is parsed: the click returns as
  // soon as the lesson starts to arrive (CI run 19 pressed Escape before the script ran).
  await expect(page).toHaveURL(/\/learn\/[^/]+\/[^/]+\/$/);
  await page.waitForLoadState('load');
  const term = page.locator('.term a').first();
  const tipId = await term.getAttribute('aria-describedby');
  const tip = page.locator(`[id="${tipId}"]`);
  await expect(tip).toBeHidden();
  await term.focus();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveAttribute('role', 'tooltip');
  const text = (await tip.textContent())!;
  expect(text.length).toBeGreaterThan(6);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await term.hover();
  const hrefAttr = await term.getAttribute('href');
  await term.click();
  await expect(page).toHaveURL(new RegExp(`${hrefAttr!.split('#')[0]}`));
  const id = hrefAttr!.split('#')[1]!;
  await expect(page.locator(`[id="${id}"]`)).toBeVisible();
});

test('the theme toggle is remembered across pages and reloads', async ({ page }) => {
  // What the dark theme looks like, as the browser's own dark preference shows it (no colours copied from the CSS).
  const bodyBg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/glossary/');
  const darkBg = await bodyBg();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  const lightBg = await bodyBg();
  expect(darkBg).not.toBe(lightBg);
  await page.goto('/');
  const toggle = page.getByRole('button', { name: '切换深浅色主题' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/glossary/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bodyBg()).toBe(darkBg);
  await page.getByRole('button', { name: '切换深浅色主题' }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('instructor notes are in the HTML but hidden from learners', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /开始学习/ }).click();
  await expect(page).toHaveURL(/\/learn\/[^/]+\/[^/]+\/$/);
  const notes = page.locator('[data-teacher-note]');
  await expect(notes.first()).toBeAttached();
  await expect(notes.first()).toBeHidden();
});

// "No console errors on any page" lives in every-page.spec.ts (also CSP violations, failed requests, axe).
