/**
 * Smoke test of the site deployed under a sub-path (the `course-base` Playwright project: dist-base/,
 * built with SITE_BASE=/course/, served at /course/). The link checker proves the files link up;
 * this proves the things that only go wrong in a browser do not: module scripts, islands and the
 * search worker load from /course/, the search index is fetched from there, links and saved
 * progress stay inside the deployment, and the presenter window follows the deck.
 * Every request the pages make must stay under /course/ and succeed.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { checkQuiz, collectErrors } from './helpers';
import { watchPage } from './quality-helpers';

const BASE = '/course/';
const LESSON = 'learn/understanding/concept/';

test.beforeAll(() => {
  const home = 'dist-base/index.html';
  if (!existsSync(home)) throw new Error('dist-base/ is missing: build it with `SITE_BASE=/course/ ASTRO_OUT_DIR=./dist-base npm run build` (npm test does).');
  expect(readFileSync(home, 'utf8'), 'dist-base/ must be built with SITE_BASE=/course/').toMatch(/<html[^>]*\sdata-base="\/course\/"/);
});

/** Problems on the page (errors, CSP, failed requests) plus every same-origin request outside /course/. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
  const problems = await watchPage(page);
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && !u.pathname.startsWith(BASE)) outside.push(`request outside ${BASE}: ${u.pathname}`);
  });
  return async () => [...(await problems()), ...outside];
}

test('search under /course/: the header box and the search page find lessons and link inside /course/', async ({ page }) => {
  const problems = await watch(page);
  await page.goto(BASE);
  const box = page.getByRole('banner').getByRole('combobox', { name: '搜索课程内容' });
  await box.click();
  await box.fill('协调');
  const first = page.getByRole('banner').getByRole('option').first();
  await expect(first).toBeVisible();
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`^http://[^/]+${BASE}(learn|glossary)/`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.goto(`${BASE}search/?q=${encodeURIComponent('协调')}`);
  const results = page.locator('#search-results > li');
  await expect(results.first()).toBeVisible();
  const hrefs = await results.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.filter((h) => !h.startsWith(BASE))).toEqual([]);
  expect(await problems()).toEqual([]);
});

test('a quiz under /course/ hydrates, scores and saves; the progress page shows it', async ({ page }) => {
  const problems = await watch(page);
  await page.goto(BASE + LESSON);
  await page.getByRole('button', { name: '标记为已学完' }).click();
  const quiz = page.locator('section.quiz[data-quiz-id="understanding-concept"]');
  await quiz.scrollIntoViewIfNeeded();
  await checkQuiz(quiz);
  await expect(quiz.locator('[data-quiz-saved]')).toContainText('已作答 1 次');

  await page.goto(`${BASE}progress/`);
  await expect(page.locator('[data-overall]')).toContainText('已学完 1/');
  await expect(page.locator('tr[data-quiz-row="understanding-concept"] td').nth(1)).toHaveText('1');
  const weak = await page.locator('[data-weak] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(weak.filter((h) => !h.startsWith(BASE))).toEqual([]);
  // The home page offers to resume inside the deployment.
  await page.goto(BASE);
  await expect(page.getByRole('link', { name: /继续学习/ })).toHaveAttribute('href', new RegExp(`^${BASE}learn/`));
  expect(await problems()).toEqual([]);
});

test('presentation and presenter view under /course/ follow each other', async ({ page, context }) => {
  const problems = await watch(page);
  await page.goto(`${BASE}${LESSON}present/?slide=2`);
  await expect(page.locator('[data-deck][data-ready]')).toBeAttached();
  const [pv] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: '演讲者视图' }).click()]);
  // The presenter window opened before a listener could be installed: watch what it does from here on.
  const pvProblems = collectErrors(pv);
  pv.on('requestfailed', (r) => pvProblems.push(`request failed: ${r.url()}`));
  await pv.waitForLoadState();
  expect(new URL(pv.url()).pathname).toBe(`${BASE}${LESSON}presenter/`);
  await expect(pv.locator('[data-presenter][data-ready]')).toBeAttached();
  const pvCounter = pv.locator('[data-pv-current]');
  await expect(pvCounter).toHaveText('2');
  await pv.keyboard.press('ArrowRight');
  await expect(pvCounter).toHaveText('3');
  await expect(page.locator('[data-deck-current]')).toHaveText('3');
  await page.bringToFront();
  await page.keyboard.press('ArrowLeft');
  await expect(pvCounter).toHaveText('2');
  expect([...(await problems()), ...pvProblems]).toEqual([]);
});
