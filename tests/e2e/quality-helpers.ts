/**
 * Helpers for the quality gates (CSP/console, axe, keyboard): the page list comes from the
 * built site's sitemap, so pages added by any feature are covered without editing tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from './helpers';

/** The axe rule sets the site is held to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core with its colour parser memoised. axe 4.13 parses every colour string it reads (each text
 * node's colour and every background in its stack) through colorjs.io, whose objects are slow to
 * build; on a long page that was most of a full run (the cases answer key: 13 of 14 s in
 * color-contrast, a quarter of it parsing the same dozen strings). The memo returns the same
 * channels for the same string, so every rule sees the values axe would have computed:
 * tests/e2e/a11y.spec.ts checks that both builds report the same violations on a page with planted
 * ones. Kept here rather than upstream because it changes nothing axe decides, only how often it
 * parses; drop it when axe caches parsing itself.
 */
export const fastAxeSource =
  readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') +
  `;(function () {
  var proto = axe.commons.color.Color.prototype, parse = proto.parseString, memo = new Map();
  proto.parseString = function (text) {
    var c = memo.get(text);
    if (!c) {
      parse.call(this, text); // throws on a colour axe cannot read, as before: nothing is memoised
      memo.set(text, [this.r, this.g, this.b, this.alpha]);
      return this;
    }
    this.r = c[0]; this.g = c[1]; this.b = c[2]; this.alpha = c[3];
    return this;
  };
})();`;

/**
 * axe violations on the page as it is now, one line per failing node. Legacy mode runs axe.run in
 * the page itself; the default mode injects axe twice more and opens a blank page to merge
 * per-frame results, which only cross-origin iframes need (the site has none), at about twice
 * the cost. Only violations are collected in full (resultTypes), the same rules run.
 * It runs the memoised build (fastAxeSource); `{ plain: true }` runs axe exactly as published;
 * `include` limits the scan to a part of the page (a CSS selector).
 */
export async function axeViolations(page: Page, { plain = false, include }: { plain?: boolean; include?: string } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page, axeSource: plain ? undefined : fastAxeSource });
  if (include) builder.include(include);
  const { violations } = await builder.withTags(AXE_TAGS).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`),
  );
}

const OUT_DIR = process.env.ASTRO_OUT_DIR?.replace(/^\.\//, '') ?? 'dist';

/** URL paths (with the base, e.g. "/learn/x/y/") of every page in the sitemap (dist/sitemap-index.xml and its parts). */
export function sitemapPaths(outDir = OUT_DIR): string[] {
  const locs = (file: string) => {
    if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build).`);
    return [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')).pathname);
  };
  return locs(`${outDir}/sitemap-index.xml`).flatMap((part) => locs(`${outDir}/${part.split('/').pop()}`));
}

/** The deployment base the site was built with ("/" or e.g. "/course/"), from the home page. */
export function sitePrefix(outDir = OUT_DIR): string {
  const home = readFileSync(`${outDir}/index.html`, 'utf8');
  return /<html[^>]*\sdata-base="([^"]*)"/.exec(home)?.[1] ?? '/';
}

/**
 * Every page to check, from the build output (so pages kept out of the sitemap with noindex,
 * such as presentation views, are checked too), plus the 404 page.
 */
export function allPages(outDir = OUT_DIR): string[] {
  const base = sitePrefix(outDir).replace(/\/$/, '');
  const pages = builtPages(outDir).map((p) => base + p);
  if (existsSync(`${outDir}/404.html`)) pages.push(`${base}/404.html`);
  return pages;
}

/** Whether a built page (URL path with base) asks not to be indexed. */
export function isNoindex(path: string, outDir = OUT_DIR): boolean {
  const rel = path.slice(sitePrefix(outDir).length - 1).replace(/^\//, '');
  const html = readFileSync(`${outDir}/${rel}index.html`, 'utf8');
  return /<meta\s+name="robots"\s+content="[^"]*noindex/i.test(html);
}

/** One page of each main type, for the dark-theme phone pass: home, a module, a lesson, the glossary. */
export function representativePages(outDir = OUT_DIR): string[] {
  const all = sitemapPaths(outDir);
  const home = all.reduce((a, b) => (b.length < a.length ? b : a));
  const lesson = lessonPaths(outDir)[0]!;
  const module = lesson.replace(/[^/]+\/$/, '');
  return [home, module, lesson, `${home}glossary/`].filter((p) => all.includes(p));
}

/** Lesson pages (two path segments under /learn/) from the sitemap. */
export function lessonPaths(outDir = OUT_DIR): string[] {
  return sitemapPaths(outDir).filter((p) => /\/learn\/[^/]+\/[^/]+\/$/.test(p));
}

/**
 * Collects everything that must never happen on a page: console errors, uncaught exceptions,
 * failed same-origin requests and CSP violations (reported by a listener installed before any
 * page script runs, so it sees violations by inline code too).
 */
export async function watchPage(page: Page): Promise<() => Promise<string[]>> {
  return (await pageWatcher(page)).read;
}

/**
 * watchPage for a page that visits many URLs (every-page.spec.ts keeps one page per worker):
 * `reset()` forgets what was seen so far, before the next visit. The listeners and the init script
 * are installed once; the init script runs again in every new document.
 */
export async function pageWatcher(page: Page): Promise<{ read: () => Promise<string[]>; reset: () => void }> {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') {
      // Chromium prints CSP refusals and deprecated-API notes as console messages.
      if (msg.type() === 'error' || /Content.Security.Policy|deprecated/i.test(msg.text())) problems.push(`console ${msg.type()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().endsWith('/404.html')) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; __observed: Set<Element> };
    w.__csp = [];
    // Every element the page asks to be told about when it comes into view (scrollThrough visits them).
    w.__observed = new Set();
    const observe = IntersectionObserver.prototype.observe;
    IntersectionObserver.prototype.observe = function (this: IntersectionObserver, el: Element) {
      w.__observed.add(el);
      return observe.call(this, el);
    };
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  const read = async () => {
    // No catch: if the page cannot be read (closed, crashed), the check fails instead of passing empty.
    const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? null);
    if (csp === null) return [...problems, 'securitypolicyviolation listener missing: the CSP violations of this page could not be read'];
    return [...problems, ...csp.map((c) => `securitypolicyviolation: ${c}`)];
  };
  return { read, reset: () => void problems.splice(0) };
}

/**
 * Brings into view everything on the page that waits to be seen, so client:visible islands hydrate
 * and the site's own visibility code runs, then returns to the top. On a page watched by
 * pageWatcher (its init script logs every element given to an IntersectionObserver), it scrolls
 * to each observed element (one stop per screen), again for elements observed meanwhile, and also
 * to the bottom so scroll listeners run; the cases answer key, observed by nothing, took 9.7 s of
 * screen-by-screen scrolling and now takes two steps. Elsewhere it steps through the page a
 * screen at a time, as before.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // A frame or 100 ms, whichever comes first: a renderer starved on a loaded machine may skip
    // frames, and a wait for one must not hang the test (it once took the whole 60 s in CI).
    const frame = () =>
      new Promise((r) => {
        requestAnimationFrame(() => r(null));
        setTimeout(r, 100);
      });
    // Two frames: IntersectionObserver notes a position in the rendering step after the scroll.
    const visit = async (y: number) => {
      scrollTo(0, y);
      await frame();
      await frame();
    };
    const observed = (window as unknown as { __observed?: Set<Element> }).__observed;
    if (!observed) {
      // At most 400 steps, so a page that grew while being scrolled cannot keep the loop going.
      const step = Math.max(200, innerHeight * 0.8);
      for (let y = 0, i = 0; y < document.documentElement.scrollHeight && i < 400; y += step, i++) await visit(y);
    } else {
      const seen = new Set<Element>();
      for (let round = 0; round < 5; round++) {
        const fresh = [...observed].filter((el) => el.isConnected && !seen.has(el));
        if (!fresh.length) break;
        fresh.forEach((el) => seen.add(el));
        const tops = fresh.map((el) => el.getBoundingClientRect().top + scrollY).sort((a, b) => a - b);
        // One stop per screen: an element within 80 % of a screen below the last stop is already in view.
        let last = -Infinity;
        for (const top of tops) {
          if (top - last < innerHeight * 0.8) continue;
          last = Math.max(0, top - innerHeight * 0.1);
          await visit(last);
        }
      }
      await visit(document.documentElement.scrollHeight);
    }
    scrollTo(0, 0);
    await frame();
  });
  // Islands drop their `ssr` attribute once hydrated. Wait for those that must hydrate by now:
  // client:load and client:idle always, client:visible when on screen somewhere (not inside a
  // hidden slide, say). Islands that wait for the reader (client:intent) or a media query do not.
  if ((await page.locator('astro-island').count()) > 0) {
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('astro-island[ssr]')].every((el) => {
          const how = el.getAttribute('client');
          if (how === 'load' || how === 'idle') return false;
          if (how === 'visible') return ![...el.children].some((c) => c.checkVisibility());
          return true;
        }),
      null,
      { timeout: 10_000 },
    );
    // No networkidle wait (≥ 500 ms per page): an island drops `ssr` only after its modules have
    // loaded and run, so what hydration fetches has been requested and answered by now.
  }
}

/** Interactive elements for the target-size and focus checks. */
export const INTERACTIVE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="tab"], [role="menuitem"], [role="option"], [tabindex]:not([tabindex="-1"])';

/**
 * WCAG 2.5.8 Target Size (Minimum), measured in the page: every visible interactive element is at
 * least 24×24 CSS px, or is an inline link inside a sentence, or is an input whose <label> is at
 * least 24×24, or has room: a 24 px circle on its centre touches no other target (the spacing
 * exception). Returns one line per failing target.
 */
export async function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const MIN = 24;
    type T = { el: Element; r: DOMRect; small: boolean };
    const describe = (el: Element) => {
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
      return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}> "${label}"`;
    };
    const isInlineInText = (el: Element) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      const own = (el.textContent ?? '').trim().length;
      return !!block && (block.textContent ?? '').trim().length > own + 1;
    };
    const labelBigEnough = (el: Element) => {
      const labels = (el as HTMLInputElement).labels;
      return !!labels && [...labels].some((l) => {
        const r = l.getBoundingClientRect();
        return r.width >= MIN && r.height >= MIN;
      });
    };
    const targets: T[] = [];
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // visually hidden (e.g. clipped) controls
      if (r.bottom + scrollY <= 0 || r.right + scrollX <= 0) continue; // parked off-screen until focused (skip link)
      targets.push({ el, r, small: r.width < MIN || r.height < MIN });
    }
    const distToRect = (x: number, y: number, r: DOMRect) => {
      const dx = Math.max(r.left - x, 0, x - r.right);
      const dy = Math.max(r.top - y, 0, y - r.bottom);
      return Math.hypot(dx, dy);
    };
    const failures: string[] = [];
    for (const t of targets) {
      if (!t.small) continue;
      if (isInlineInText(t.el) || labelBigEnough(t.el)) continue;
      const cx = t.r.left + t.r.width / 2;
      const cy = t.r.top + t.r.height / 2;
      const crowded = targets.some((o) => {
        if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
        if (o.small) return Math.hypot(cx - (o.r.left + o.r.width / 2), cy - (o.r.top + o.r.height / 2)) < MIN;
        return distToRect(cx, cy, o.r) < MIN / 2;
      });
      if (crowded) failures.push(`${describe(t.el)} is ${t.r.width.toFixed(1)}×${t.r.height.toFixed(1)} px and too close to another target`);
    }
    return failures;
  }, INTERACTIVE);
}

/**
 * Heading structure as a screen-reader user meets it: exactly one h1, and no level skipped
 * going down (h2 → h4). Returns one line per problem.
 */
export async function headingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter((h) =>
      h.checkVisibility() || (h.closest('details:not([open])') !== null),
    );
    const problems: string[] = [];
    const levels = hs.map((h) => Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)));
    const h1s = levels.filter((l) => l === 1).length;
    if (h1s !== 1) problems.push(`${h1s} h1 elements (want exactly 1)`);
    let prev = 0;
    levels.forEach((l, i) => {
      if (l > prev + 1) problems.push(`h${l} "${hs[i]!.textContent?.trim().slice(0, 30)}" follows h${prev}`);
      prev = l;
    });
    return problems;
  });
}

/**
 * Landmarks as a screen-reader user meets them (by role, as Playwright computes it): one banner,
 * main and contentinfo; every visible navigation named, names unique; no positive tabindex (Tab
 * order is the reading order). Returns one line per problem.
 */
export async function landmarkProblems(page: Page, { fullScreen = false } = {}): Promise<string[]> {
  const problems: string[] = [];
  for (const role of ['banner', 'main', 'contentinfo'] as const) {
    const n = await page.getByRole(role).count();
    // Full-screen views (slides, presenter view) have no site header or footer: at most one.
    const ok = n === 1 || (fullScreen && role !== 'main' && n === 0);
    if (!ok) problems.push(`${n} ${role} landmarks (want ${fullScreen && role !== 'main' ? 'at most ' : ''}1)`);
  }
  const names: string[] = [];
  for (const nav of await page.getByRole('navigation').all()) {
    if (!(await nav.isVisible())) continue;
    const name = (await nav.evaluate((n) => n.getAttribute('aria-label') ?? document.getElementById(n.getAttribute('aria-labelledby') ?? '')?.textContent ?? '')).trim();
    if (!name) problems.push('navigation without a name');
    else if (names.includes(name)) problems.push(`two navigations named "${name}"`);
    names.push(name);
  }
  const positive = await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').evaluateAll((els) => els.filter((e) => Number(e.getAttribute('tabindex')) > 0).map((e) => e.tagName.toLowerCase()));
  for (const tag of positive) problems.push(`positive tabindex on <${tag}>`);
  return problems;
}
