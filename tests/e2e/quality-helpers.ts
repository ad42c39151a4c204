/**
 * Helpers for the quality gates (CSP/console, axe, keyboard): the page list comes from the
 * built site's sitemap.xml, so pages added by any feature are covered without editing tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

const OUT_DIR = process.env.ASTRO_OUT_DIR?.replace(/^\.\//, '') ?? 'dist';

/** URL paths (with the base, e.g. "/learn/x/y/") of every page in dist/sitemap.xml. */
export function sitemapPaths(outDir = OUT_DIR): string[] {
  const file = `${outDir}/sitemap.xml`;
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build).`);
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')).pathname);
}

/** Every page to check: the sitemap plus the 404 page (not in the sitemap). */
export function allPages(outDir = OUT_DIR): string[] {
  const pages = sitemapPaths(outDir);
  const home = pages.reduce((a, b) => (b.length < a.length ? b : a), pages[0] ?? '/');
  if (existsSync(`${outDir}/404.html`)) pages.push(`${home}404.html`);
  return pages;
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
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return async () => {
    const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
    return [...problems, ...csp.map((c) => `securitypolicyviolation: ${c}`)];
  };
}

/** Scrolls to the bottom in steps so that client:visible islands hydrate, then waits for quiet. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, innerHeight * 0.8);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    scrollTo(0, 0);
  });
  // Islands drop their `ssr` attribute once hydrated; pages without islands need no waiting.
  if ((await page.locator('astro-island').count()) > 0) {
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, null, { timeout: 10_000 });
    await page.waitForLoadState('networkidle');
  }
}
