/**
 * Keyboard paths through the site chrome (axe cannot judge focus order): the skip link,
 * landmarks, Tab order with a visible, unobscured focus indicator, and reduced motion.
 */
import { expect, test, type Page } from '@playwright/test';
import { INTERACTIVE, lessonPaths, sitemapPaths } from './quality-helpers';
import { zhCN } from '../../src/i18n/zh-CN';

const all = sitemapPaths();
const home = all.reduce((a, b) => (b.length < a.length ? b : a));
const lesson = lessonPaths()[0]!;
const pageTypes = [home, lesson, lesson.replace(/[^/]+\/$/, ''), `${home}glossary/`].filter((p) => all.includes(p));

/** What the focused element looks like: is it visible, in the viewport, unobscured, outlined? */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    // The indicator may be drawn by the control itself or by the <label> wrapping it
    // (choice options outline the whole option row when its radio/checkbox has focus).
    const drawsRing = (node: Element | null) => {
      if (!node) return false;
      const cs = getComputedStyle(node);
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
    };
    const outline = drawsRing(el) || drawsRing(el.closest('label'));
    const ring = false;
    // Not hidden under the sticky header (WCAG 2.4.11): some part of it is the top-most element.
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + 2, r.top + 2],
      [r.right - 2, r.bottom - 2],
    ];
    const unobscured = points.some(([x, y]) => {
      const hit = document.elementFromPoint(x!, y!);
      return !!hit && (el === hit || el.contains(hit) || hit.contains(el));
    });
    return {
      name: `<${el.tagName.toLowerCase()}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`,
      inViewport: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0,
      indicator: outline || ring,
      unobscured,
    };
  });
}

for (const path of pageTypes) {
  test(`skip link is the first Tab stop and moves focus to the main content: ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: zhCN['a11y.skip'] });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    expect((await focusState(page))!.indicator).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // The next Tab lands inside <main> (not back in the header).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });

  test(`landmarks: one banner, main and contentinfo; every navigation named, names unique: ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    const navs = page.getByRole('navigation');
    const names: string[] = [];
    for (const nav of await navs.all()) {
      if (!(await nav.isVisible())) continue;
      const name = await nav.evaluate((n) => n.getAttribute('aria-label') ?? document.getElementById(n.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');
      expect(name.trim(), 'navigation without a name').not.toBe('');
      names.push(name.trim());
    }
    expect(new Set(names).size).toBe(names.length);
    // No positive tabindex: Tab order is the reading order.
    expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count()).toBe(0);
  });

  test(`every Tab stop shows a visible focus indicator and is not hidden under the header: ${path}`, async ({ page }) => {
    await page.goto(path);
    const expected = await page.evaluate(
      (sel) => [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.checkVisibility() && e.getBoundingClientRect().width > 1 && !e.closest('[inert]')).length,
      INTERACTIVE,
    );
    const stops = Math.min(expected + 1, 80); // plus the skip link; capped to keep the test quick
    const bad: string[] = [];
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press('Tab');
      const s = await focusState(page);
      if (!s) break; // wrapped round to the browser chrome
      if (!s.inViewport || !s.indicator || !s.unobscured) bad.push(`${s.name}: ${JSON.stringify(s)}`);
    }
    expect(bad).toEqual([]);
  });
}

test('with reduced motion, nothing animates or transitions and scrolling is instant', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const path of pageTypes) {
    await page.goto(path);
    const moving = await page.evaluate(() => {
      const secs = (v: string) => Math.max(...v.split(',').map((d) => (d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d))));
      const out: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const cs = getComputedStyle(el, pseudo);
          if (secs(cs.transitionDuration) > 0.01 || (cs.animationName !== 'none' && secs(cs.animationDuration) > 0.01)) {
            out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${pseudo ?? ''}`);
          }
        }
      }
      if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') out.push('html scroll-behavior: smooth');
      return out;
    });
    expect(moving, path).toEqual([]);
  }
});
