import { expect, test, type Locator, type Page } from '@playwright/test';
import { moduleTitles } from './helpers';

/**
 * The course menu on a phone (issue 16, "Broken"): it fills the space under the header, scrolls,
 * keeps its ☰ toggle usable, opens at the current lesson, and every unit's last lesson can be reached
 * by touch and by keyboard. Also: the desktop sidebar opens scrolled to the current lesson.
 */
const PHONE = { width: 390, height: 844 };

/** True when the element is the topmost thing at its own centre (not covered by the menu panel). */
const usable = (l: Locator) =>
  l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.bottom > 0 && r.top < innerHeight && !!hit && (hit === el || el.contains(hit));
  });

async function openFirstLesson(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: /开始学习/ }).click();
  await expect(page).toHaveURL(/\/learn\/[^/]+\/[^/]+\/$/);
  await page.waitForLoadState('load');
}

const lastOf = <T>(xs: T[]) => xs[xs.length - 1]!;
/** Module titles in course order (the home page's learning path is in course order), read in beforeEach. */
let ordered: string[] = [];
const lastUnitTitle = () => lastOf(ordered);
const re = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

test.describe('phone course menu', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    ordered = (await page.getByRole('region', { name: '学习路径' }).locator('.step-title').allTextContents()).map((s) => s.trim());
    expect(ordered.length).toBe(moduleTitles().length);
  });

  test('by touch: the menu sits under the header, scrolls, and reaches the last lesson of the last unit', async ({ page }) => {
    await openFirstLesson(page);
    const toggle = page.getByRole('button', { name: '课程目录' });
    const outline = page.getByRole('navigation', { name: '课程大纲' });
    await toggle.tap();
    await expect(outline).toBeVisible();
    expect(await usable(toggle), 'the ☰ toggle stays visible and uncovered').toBe(true);
    await expect(outline.locator('a[aria-current="page"]')).toBeInViewport();
    // The panel starts at the header's bottom edge and reaches the bottom of the screen.
    const header = (await page.locator('.site-header').boundingBox())!;
    const panel = (await page.locator('#course-menu').boundingBox())!;
    expect(panel.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    expect(panel.y + panel.height).toBeGreaterThanOrEqual(PHONE.height - 1);

    const unit = outline.getByRole('link', { name: re(lastUnitTitle()) });
    await unit.scrollIntoViewIfNeeded();
    await expect(unit).toBeInViewport();
    await unit.tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lastUnitTitle());
    await page.waitForLoadState('load');
    const lessons = page.locator('.module-lessons > li > a');
    const target = lastOf(await lessons.allTextContents()).trim();

    await page.getByRole('button', { name: '课程目录' }).tap();
    const link = page.getByRole('navigation', { name: '课程大纲' }).locator('ol.lessons').getByRole('link', { name: re(target) });
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeInViewport();
    await link.tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target);
  });

  test('by keyboard: Tab walks the open menu, every link in view, to the last lesson of the last unit', async ({ page }) => {
    await openFirstLesson(page);
    const toggle = page.getByRole('button', { name: '课程目录' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const outline = page.getByRole('navigation', { name: '课程大纲' });
    await expect(outline.locator('a[aria-current="page"]')).toBeFocused();
    const focused = page.locator(':focus');
    const tabTo = async (name: RegExp | string) => {
      for (let i = 0; i < 80; i++) {
        await expect(focused, 'the focused link is scrolled into view').toBeInViewport();
        const text = (await focused.textContent()) ?? '';
        if (typeof name === 'string' ? text.trim().startsWith(name) : name.test(text)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await tabTo(re(lastUnitTitle()));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lastUnitTitle());
    await page.waitForLoadState('load');
    const target = lastOf(await page.locator('.module-lessons > li > a').allTextContents()).trim();
    await page.getByRole('button', { name: '课程目录' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: '课程大纲' })).toBeVisible();
    await tabTo(target);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target);
    // The toggle is still usable with the menu open, and Escape gives focus back to it.
    await page.getByRole('button', { name: '课程目录' }).focus();
    await page.keyboard.press('Enter');
    expect(await usable(page.getByRole('button', { name: '课程目录' }))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: '课程目录' })).toBeFocused();
  });

  test('opens scrolled to the current lesson, deep in the course', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('region', { name: '学习路径' }).getByRole('link', { name: re(lastUnitTitle()) }).click();
    // Read the unit page's lessons only once it is the page shown: allTextContents() does not wait, and
    // on the home page (still there right after the click) it finds none (CI stop 21).
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lastUnitTitle());
    const target = lastOf(await page.locator('.module-lessons > li > a').allTextContents()).trim();
    await page.locator('.module-lessons > li > a').last().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target);
    await page.waitForLoadState('load');
    await page.getByRole('button', { name: '课程目录' }).tap();
    const current = page.getByRole('navigation', { name: '课程大纲' }).locator('a[aria-current="page"]');
    await expect(current).toBeFocused();
    await expect(current).toBeInViewport();
  });
});

test('the desktop sidebar opens scrolled to the current lesson', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  const units = page.getByRole('region', { name: '学习路径' }).locator('a.card');
  // The second-to-last unit's last lesson: deep in the course outline.
  await units.nth((await units.count()) - 2).click();
  await page.locator('.module-lessons > li > a').last().click();
  await page.waitForLoadState('load');
  const current = page.getByRole('navigation', { name: '课程大纲' }).locator('a[aria-current="page"]');
  await expect(current).toBeInViewport();
  // The page itself was not scrolled to get there.
  expect(await page.evaluate(() => scrollY)).toBe(0);
});
