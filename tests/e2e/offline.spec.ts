/**
 * The offline course (issue 14): after a first visit the service worker has precached the course, and
 * with the network gone a learner opens a lesson never visited, answers its quiz, searches and opens
 * the progress dashboard. A new version of the site shows the quiet 有新版本 notice (never a reload by
 * itself, not even mid-quiz) and, after 刷新, the new text. Also under the /course/ sub-path.
 *
 * Service workers are blocked in every other spec (playwright.config.ts) and allowed here. The site is
 * served by a small server of the test's own (./static-server.ts) so the test can stop it (offline
 * for real, not only emulated) and switch it to a second build.
 */
import { expect, test, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkQuiz, collectErrors } from './helpers';
import { findQuestion } from './quiz-content';
import { startStaticServer, type StaticSite } from './static-server';
import { buildServiceWorker } from '../../scripts/lib/service-worker.mjs';

test.use({ serviceWorkers: 'allow' });
// Precaching the whole course on a shared 2-core machine takes a while: generous limits.
test.setTimeout(120_000);

/** The precache list of a built site, read from its sw.js. */
function precacheUrls(dir: string): string[] {
  const sw = join(dir, 'sw.js');
  if (!existsSync(sw)) throw new Error(`${sw} is missing: build the site with the service worker (npm run build, without OFFLINE=0).`);
  // injectManifest writes the list as JSON: {"revision":…,"url":"…"}.
  const urls = [...readFileSync(sw, 'utf8').matchAll(/\{"revision":(?:null|"[0-9a-f]+"),"url":"([^"]+)"\}/g)].map((m) => m[1]!);
  if (urls.length === 0) throw new Error(`${sw} has no precache list that this test can read`);
  return urls;
}

/** Waits until the service worker is active (its install, the whole precache, has succeeded) and controls the page. */
async function waitUntilOffline(page: Page, expected: number): Promise<void> {
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    const precache = (await caches.keys()).find((n) => n.startsWith('workbox-precache'));
    return precache ? (await (await caches.open(precache)).keys()).length : 0;
  });
  expect(cached, 'every file of the precache list is in the cache').toBe(expected);
}

const { id: QUIZ, page: LESSON, q: Q } = findQuestion('single');
const KEY = Q.options!.find((o) => o.correct)!.text;

test('after one visit, offline: an unvisited lesson and its quiz, search and the dashboard work', async ({ page, context }) => {
  const list = precacheUrls('dist');
  expect(list, 'the lesson is precached').toContain(`${LESSON.slice(1)}index.html`);
  const site = await startStaticServer('dist');
  const errors = collectErrors(page);
  try {
    await page.goto(site.url);
    await waitUntilOffline(page, list.length);
  } finally {
    // Offline for real: the server is gone, and the browser says so too.
    await site.close();
  }
  await context.setOffline(true);
  const served = site.requests();

  await page.goto(`${site.url}${LESSON.slice(1)}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const root = page.locator(`[data-quiz-id="${QUIZ}"]`);
  await root.scrollIntoViewIfNeeded();
  const box = root.locator(`.qz-q[data-question-id="${Q.id}"]`);
  await box.getByRole('radio', { name: KEY, exact: true }).check();
  // One question answered: the quiz asks before checking the rest blank (issue 16).
  await checkQuiz(root, true);
  await expect(box.locator('.qz-status')).toHaveText(/回答正确/);

  const search = page.getByRole('banner').getByRole('combobox', { name: '搜索课程内容' });
  await search.click();
  await search.fill('协调');
  await expect(page.getByRole('banner').getByRole('option').first()).toBeVisible();

  await page.goto(`${site.url}progress/`);
  await expect(page.getByRole('progressbar', { name: '全部课程' })).toBeVisible();
  await expect(page.locator(`tr[data-quiz-row="${QUIZ}"] td`).nth(1)).toHaveText('1');
  expect(site.requests(), 'nothing reached the (stopped) server').toBe(served);
  expect(errors).toEqual([]);
});

test.describe('a new version', () => {
  let v2 = '';
  const NEW_TITLE = '（第二版）';
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // The second build: the same site with one lesson's text changed and its service worker generated
    // again by the same code as the build (scripts/lib/service-worker.mjs), as a redeploy would bring.
    v2 = mkdtempSync(join(tmpdir(), 'offline-v2-'));
    cpSync('dist', v2, { recursive: true });
    const file = join(v2, LESSON.slice(1), 'index.html');
    const html = readFileSync(file, 'utf8');
    const changed = html.replace(/<h1>([^<]+)<\/h1>/, `<h1>$1${NEW_TITLE}</h1>`);
    expect(changed).not.toBe(html);
    writeFileSync(file, changed);
    await buildServiceWorker({ outDir: v2 });
  });
  test.afterAll(() => v2 && rmSync(v2, { recursive: true, force: true }));

  test('shows 有新版本 without reloading, mid-quiz; 刷新 brings the new text', async ({ page }) => {
    const site = await startStaticServer('dist');
    const errors = collectErrors(page);
    try {
      await page.goto(`${site.url}${LESSON.slice(1)}`);
      await waitUntilOffline(page, precacheUrls('dist').length);
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1).not.toContainText(NEW_TITLE);

      // The new version is deployed; the learner opens the lesson again and starts its quiz.
      site.serve(v2);
      await page.reload();
      await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
      const root = page.locator(`[data-quiz-id="${QUIZ}"]`);
      await root.scrollIntoViewIfNeeded();
      await root.locator(`.qz-q[data-question-id="${Q.id}"]`).getByRole('radio', { name: KEY, exact: true }).check();

      const notice = page.getByRole('status').filter({ hasText: '有新版本' });
      await expect(notice).toBeVisible({ timeout: 60_000 });
      // Still the same page, the answer still chosen, the old text: nothing reloaded by itself.
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
      await expect(root.getByRole('radio', { name: KEY, exact: true }).first()).toBeChecked();
      await expect(h1).not.toContainText(NEW_TITLE);

      // By keyboard: 刷新 is a button in the tab order.
      const reload = notice.getByRole('button', { name: '刷新' });
      await reload.focus();
      await expect(reload).toBeFocused();
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
      await expect(h1).toContainText(NEW_TITLE);
      await expect(page.getByRole('status').filter({ hasText: '有新版本' })).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await site.close();
    }
  });
});

test('under /course/: the worker is scoped to /course/ and the course works offline there', async ({ page, context }) => {
  if (!existsSync('dist-base/index.html')) throw new Error('dist-base/ is missing: build it with `SITE_BASE=/course/ ASTRO_OUT_DIR=./dist-base npm run build` (npm test does).');
  const list = precacheUrls('dist-base');
  const site = await startStaticServer('dist-base', '/course/');
  try {
    await page.goto(site.url);
    await waitUntilOffline(page, list.length);
    const { scope, urls } = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const name = (await caches.keys()).find((n) => n.startsWith('workbox-precache'))!;
      return { scope: new URL(reg.scope).pathname, urls: (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname) };
    });
    expect(scope).toBe('/course/');
    expect(urls.filter((u) => !u.startsWith('/course/'))).toEqual([]);
  } finally {
    await site.close();
  }
  await context.setOffline(true);
  await page.goto(`${site.url}${LESSON.slice(1)}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`${site.url}glossary/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
