/**
 * Keyboard paths through the site chrome (axe cannot judge focus order): the skip link, Tab order
 * with a visible, unobscured focus indicator, and reduced motion, in one visit per page type.
 */
import { expect, test, type Page } from '@playwright/test';
import { INTERACTIVE, lessonPaths, scrollThrough, sitemapPaths } from './quality-helpers';
import { zhCN } from '../../src/i18n/zh-CN';

const all = sitemapPaths();
const home = all.reduce((a, b) => (b.length < a.length ? b : a));
const lesson = lessonPaths()[0]!;
const pageTypes = [home, lesson, lesson.replace(/[^/]+\/$/, ''), `${home}glossary/`].filter((p) => all.includes(p));

/** The parts of an element's computed style that can draw a focus indicator. */
const RING_PROPS = ['outlineStyle', 'outlineWidth', 'outlineColor', 'outlineOffset', 'boxShadow', 'borderColor', 'backgroundColor', 'textDecorationLine'] as const;

/**
 * Records how every interactive element (and the <label> wrapping it) looks unfocused, before
 * the first Tab: the focus check compares each Tab stop with its own unfocused look.
 */
async function recordUnfocused(page: Page) {
  // Islands replace nothing once hydrated: let those that hydrate on their own do so first.
  await scrollThrough(page);
  await page.evaluate(
    ({ sel, props }) => {
      const look = (n: Element) => {
        const cs = getComputedStyle(n);
        return Object.fromEntries(props.map((p) => [p, cs[p as keyof CSSStyleDeclaration] as string]));
      };
      const map = new Map<Element, Record<string, string>>();
      for (const el of document.querySelectorAll(sel)) {
        map.set(el, look(el));
        const label = el.closest('label');
        if (label) map.set(label, look(label));
      }
      (window as unknown as { __unfocused: typeof map }).__unfocused = map;
    },
    { sel: INTERACTIVE, props: [...RING_PROPS] },
  );
}

/**
 * What the focused element looks like: is it in the viewport, unobscured, and does focus change
 * how it (or the <label> that wraps it) is drawn, with an outline of at least 2 px or a shadow?
 * A ring the element also has unfocused is no focus indicator.
 */
async function focusState(page: Page) {
  return page.evaluate((props) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    const unfocused = (window as unknown as { __unfocused?: Map<Element, Record<string, string>> }).__unfocused;
    if (!unfocused) throw new Error('recordUnfocused() was not called on this page');
    const look = (n: Element) => {
      const cs = getComputedStyle(n);
      return Object.fromEntries(props.map((p) => [p, cs[p as keyof CSSStyleDeclaration] as string]));
    };
    const changed: string[] = [];
    // The indicator may be drawn by the control itself or by the <label> wrapping it
    // (choice options outline the whole option row when its radio/checkbox has focus).
    const drawsRing = (node: Element | null) => {
      if (!node) return false;
      const now = look(node);
      const before = unfocused.get(node);
      if (!before) {
        changed.push(`no unfocused look recorded for <${node.tagName.toLowerCase()}>`);
        return false;
      }
      const diff = props.filter((p) => now[p] !== before[p]);
      changed.push(...diff.map((p) => `${p}: ${before[p]} → ${now[p]}`));
      const outline = now.outlineStyle !== 'none' && parseFloat(now.outlineWidth!) >= 2 && diff.some((p) => p.startsWith('outline'));
      const shadow = now.boxShadow !== 'none' && diff.includes('boxShadow');
      return outline || shadow;
    };
    const indicator = drawsRing(el) || drawsRing(el.closest('label'));
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
      indicator,
      changed,
      unobscured,
    };
  }, [...RING_PROPS] as string[]);
}

/** Elements (and pseudo-elements) that animate or transition, and smooth scrolling: none may under reduced motion. */
async function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
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
}

/*
 * One visit per page for every keyboard and motion check (they were three tests and nine visits):
 * reduced motion (before and after the islands hydrate), the skip link as the first Tab stop, every
 * Tab stop with a visible, unobscured focus indicator, then the skip link's Enter. Soft assertions:
 * one run reports every kind of problem on the page. Landmarks (one banner, main and contentinfo;
 * named navigations; no positive tabindex) are checked on every page in every-page.spec.ts.
 */
for (const path of pageTypes) {
  test(`reduced motion, skip link, visible and unobscured focus on every Tab stop: ${path}`, async ({ page }) => {
    // The work of the three tests it replaces (up to 80 Tab stops with a style read each): their time.
    test.setTimeout(120_000);
    // Reduced motion: nothing animates or transitions and scrolling is instant; also keeps
    // transitions off, so the focused look is read in its final state.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(path);
    expect.soft(await moving(page), 'animating under reduced motion (as loaded)').toEqual([]);
    await recordUnfocused(page);
    expect.soft(await moving(page), 'animating under reduced motion (islands hydrated)').toEqual([]);

    const expected = await page.evaluate(
      (sel) => [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.checkVisibility() && e.getBoundingClientRect().width > 1 && !e.closest('[inert]')).length,
      INTERACTIVE,
    );
    const stops = Math.min(expected + 1, 80); // plus the skip link; capped to keep the test quick
    const skip = page.getByRole('link', { name: zhCN['a11y.skip'] });
    const bad: string[] = [];
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press('Tab');
      if (i === 0) {
        // The skip link is the first Tab stop, on screen, with a focus indicator.
        await expect(skip).toBeFocused();
        await expect(skip).toBeInViewport();
      }
      const s = await focusState(page);
      if (!s) break; // wrapped round to the browser chrome
      if (i === 0) expect.soft(s.indicator, `skip link focus indicator: ${JSON.stringify(s)}`).toBe(true);
      if (!s.inViewport || !s.indicator || !s.unobscured) bad.push(`${s.name}: ${JSON.stringify(s)}`);
    }
    expect.soft(bad, 'Tab stops without a visible, unobscured focus indicator').toEqual([]);

    // The skip link moves focus to the main content, and the next Tab lands inside <main> (not back in the header).
    await skip.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });
}
