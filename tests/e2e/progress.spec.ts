import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkQuiz, collectErrors } from './helpers';
import { axeViolations } from './quality-helpers';
import { scopedName } from '../../src/lib/paths';
import { PROGRESS_VERSION } from '../../src/lib/progress/schema';

/** Where this deployment (base /) keeps progress. */
const PROGRESS = scopedName('/', 'progress');

/** Lesson ids read from content/ at test time (drafts excluded), so content changes do not break the test. */
function lessonIds(): string[] {
  const root = 'content/lessons';
  return readdirSync(root).flatMap((m) =>
    readdirSync(join(root, m))
      .filter((f) => f.endsWith('.mdx') && !/^draft:\s*true\s*$/m.test(readFileSync(join(root, m, f), 'utf8').split('---')[1] ?? ''))
      .map((f) => `${m}/${f.replace(/\.mdx$/, '')}`),
  );
}
const finalQuiz = () =>
  parse(readFileSync('content/quizzes/final-assessment.yaml', 'utf8')) as { questions: unknown[]; passingScore?: number; draw?: { count: number } };

/** Points of one final-assessment result: a drawn paper's length when the final is a pool. */
const finalMax = () => finalQuiz().draw?.count ?? finalQuiz().questions.length;

/** A progress export file built from the real content ids. */
function preparedFile(opts: { finalScore: number; markDone: (id: string) => boolean }): string {
  const now = Date.now();
  const lessons: Record<string, unknown> = {};
  for (const id of lessonIds()) if (opts.markDone(id)) lessons[id] = { status: 'done', updatedAt: now };
  // The final assessment is a pool: a result is out of one drawn paper, and only a passed full draw counts.
  const max = finalMax();
  const pass = finalQuiz().passingScore ?? 0.8;
  return JSON.stringify({
    format: 'xtzd-progress',
    exportedAt: new Date(now).toISOString(),
    version: PROGRESS_VERSION,
    lessons,
    quizzes: {
      'final-assessment': {
        attempts: 1,
        bestScore: opts.finalScore,
        maxScore: max,
        lastScore: opts.finalScore,
        passed: opts.finalScore >= pass * max,
        ...(opts.finalScore >= pass * max ? { passedDraw: true } : {}),
        lastAnswers: {},
        wrong: {},
        updatedAt: now,
      },
    },
    scenarios: {},
    lastVisit: null,
  });
}

async function importText(page: Page, text: string, name = 'progress.json') {
  await page.getByLabel('导入进度文件').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const outline = (page: Page) => page.getByRole('navigation', { name: '课程大纲' });
const quizRow = (page: Page, id: string) => page.locator(`tr[data-quiz-row="${id}"]`);

test('complete two lessons and a quiz; after a reload the outline and the dashboard show it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/learn/understanding/concept/');
  await expect(outline(page).getByRole('link', { name: /学习中/ }).first()).toBeVisible();
  await page.getByRole('button', { name: '标记为已学完' }).click();
  await expect(page.getByRole('status').filter({ hasText: '本课已标记为已学完' })).toBeVisible();
  // Undo works, then mark again.
  await page.getByRole('button', { name: /撤销/ }).click();
  await expect(page.getByRole('button', { name: '标记为已学完' })).toBeVisible();
  await page.getByRole('button', { name: '标记为已学完' }).click();

  // A quiz attempt (one question answered; a blank attempt is not recorded).
  const quiz = page.locator('section.quiz[data-quiz-id="understanding-concept"]');
  await quiz.scrollIntoViewIfNeeded();
  await checkQuiz(quiz);
  await expect(quiz.locator('[data-quiz-saved]')).toBeVisible();

  await page.goto('/learn/understanding/characteristics/');
  await page.getByRole('button', { name: '标记为已学完' }).click();
  await page.reload();

  const concept = outline(page).locator('li[data-lesson-id="understanding/concept"] a');
  const characteristics = outline(page).locator('li[data-lesson-id="understanding/characteristics"] a');
  await expect(concept).toContainText('已学完');
  await expect(characteristics).toContainText('已学完');
  await expect(page.getByRole('button', { name: /撤销/ })).toBeVisible();
  const moduleLessons = await outline(page).locator('li[data-module-id="understanding"] li[data-lesson-id]').count();
  await expect(outline(page).locator('[data-share-for="understanding"]')).toContainText(`已学完 2/${moduleLessons} 课`);
  // Other lessons are "未开始" — in text, not colour only.
  await expect(outline(page).locator('li[data-lesson-id]').filter({ hasText: '未开始' }).first()).toBeVisible();

  await page.goto('/progress/');
  const total = lessonIds().length;
  await expect(page.locator('[data-overall]')).toContainText(`已学完 2/${total} 课`);
  const bar = page.getByRole('progressbar', { name: '全部课程' });
  await expect(bar).toHaveAttribute('value', '2');
  await expect(bar).toHaveAttribute('max', String(total));
  await expect(page.getByRole('progressbar', { name: /第1单元/ })).toHaveAttribute('value', '2');
  await expect(quizRow(page, 'understanding-concept').locator('td').nth(1)).toHaveText('1');
  // Not attempted: folded into 未作答的练习 (issue 16), not a table row.
  await expect(quizRow(page, 'understanding-characteristics')).toHaveCount(0);
  await expect(page.locator('details[data-unattempted] li[data-quiz-row="understanding-characteristics"]')).toHaveCount(1);
  // The unanswered questions are weak spots linking back to the lesson that teaches them.
  await expect(page.locator('[data-weak]').first().getByRole('link')).toHaveAttribute('href', /\/learn\/understanding\//);
  await expect(page.locator('[data-time-left]')).toContainText('预计还需');
  expect(errors).toEqual([]);
});

test('a learner who jumps past a quiz sees 标记为已学完 stay put while the quiz hydrates (no jump under the finger)', async ({ page }) => {
  await page.goto('/learn/understanding/characteristics/');
  const button = page.getByRole('button', { name: '标记为已学完' });
  await expect(button).toBeVisible();
  const quiz = page.locator('section.quiz').first();
  // Still the no-JS reading version, which is shorter than the island that replaces it.
  await expect(quiz.locator('astro-island[ssr]')).toHaveCount(1);
  // Jump to the button, then follow its position frame by frame until the quiz has hydrated.
  const tops = await button.evaluate(async (el) => {
    el.scrollIntoView({ block: 'center' });
    const seen: number[] = [];
    const t0 = performance.now();
    let settled = 0;
    while (performance.now() - t0 < 8000 && settled < 5) {
      seen.push(el.getBoundingClientRect().top);
      if (!document.querySelector('section.quiz astro-island[ssr]')) settled++;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return seen;
  });
  await expect(quiz.getByRole('button', { name: '检查答案' })).toBeVisible();
  expect(Math.max(...tops) - Math.min(...tops), `button top over the frames: ${tops.join(', ')}`).toBeLessThan(4);
});

test('home page offers 开始学习 first, then 继续学习 to the last lesson and section', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: /开始学习/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /继续学习/ })).toHaveCount(0);

  await page.goto('/learn/cases/xiaoli-negotiation/');
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const headings = page.locator('article[data-lesson-id] h2[id]');
  const target = headings.nth(2);
  const anchor = (await target.getAttribute('id'))!;
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // Leaving the page saves the section being read (pagehide), without waiting for the throttle.
  await page.goto('/');
  const resume = page.getByRole('link', { name: new RegExp(`继续学习：${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(resume).toBeVisible();
  await expect(page.getByRole('link', { name: /开始学习/ })).toHaveCount(0);
  const hrefValue = (await resume.getAttribute('href'))!;
  expect(decodeURIComponent(hrefValue)).toContain(`/learn/cases/xiaoli-negotiation/#${anchor}`);
  await resume.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(anchor);
});

test('home page: 继续学习 reads the shared course index, only with progress; corrupted progress, a failed index and no JavaScript keep 开始学习', async ({ page, browser }) => {
  const errors = collectErrors(page);
  const indexRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/course-index.json')) indexRequests.push(r.url());
  });
  // The page does not embed the course: no lesson list in its HTML (issue 17).
  const html = await (await page.request.get('/')).text();
  expect(html).not.toContain('data-lessons');
  const lastId = lessonIds().at(-1)!;
  const lastTitle = /^title:\s*['"]?(.+?)['"]?\s*$/m.exec(readFileSync(`content/lessons/${lastId}.mdx`, 'utf8'))![1]!;
  expect(html, 'a lesson title is not in the home page').not.toContain(lastTitle);

  // No progress: nothing fetched.
  await page.goto('/');
  await expect(page.getByRole('link', { name: /开始学习/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(indexRequests).toEqual([]);

  // Corrupted progress: the start link stays, nothing breaks.
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"lessons":{"x":'), PROGRESS);
  await page.reload();
  await expect(page.getByRole('link', { name: /开始学习/ })).toBeVisible();

  // Progress, but the index cannot be fetched: the start link stays.
  await page.goto('/learn/cases/xiaoli-negotiation/');
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.route('**/course-index.json', (route) => route.abort());
  await page.goto('/');
  await expect.poll(() => indexRequests.length).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  await expect(page.getByRole('link', { name: /开始学习/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /继续学习/ })).toHaveCount(0);

  // The index is back: 继续学习 to the lesson, from one fetch of the index.
  await page.unroute('**/course-index.json');
  indexRequests.length = 0;
  await page.reload();
  await expect(page.getByRole('link', { name: `继续学习：${title} →` })).toBeVisible();
  expect(indexRequests).toHaveLength(1);
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);

  // Without JavaScript the server-rendered start link is there.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await noJs.newPage();
  await p2.goto(new URL('/', page.url()).href);
  await expect(p2.getByRole('link', { name: /开始学习/ })).toHaveAttribute('href', /\/learn\//);
  await noJs.close();
});

test('export, reset and import bring everything back', async ({ page }) => {
  await page.goto('/learn/understanding/concept/');
  await page.getByRole('button', { name: '标记为已学完' }).click();
  const quiz = page.locator('section.quiz[data-quiz-id="understanding-concept"]');
  await quiz.scrollIntoViewIfNeeded();
  await checkQuiz(quiz);
  await expect(quiz.locator('[data-quiz-saved]')).toBeVisible();

  await page.goto('/progress/');
  const total = lessonIds().length;
  await expect(page.locator('[data-overall]')).toContainText(`已学完 1/${total} 课`);
  const downloadP = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出进度文件' }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toMatch(/^xietiao-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(file)).toMatchObject({ format: 'xtzd-progress', version: PROGRESS_VERSION });

  // Reset asks first; cancelling keeps everything.
  await page.getByRole('button', { name: '清除全部进度' }).click();
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.locator('[data-overall]')).toContainText(`已学完 1/${total} 课`);
  await page.getByRole('button', { name: '清除全部进度' }).click();
  await page.getByRole('button', { name: '确定清除' }).click();
  await expect(page.locator('[data-overall]')).toContainText(`已学完 0/${total} 课`);
  await expect(quizRow(page, 'understanding-concept')).toHaveCount(0);
  await expect(page.locator('details[data-unattempted] li[data-quiz-row="understanding-concept"]')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('[data-overall]')).toContainText(`已学完 0/${total} 课`);

  await importText(page, file);
  await expect(page.getByRole('status').filter({ hasText: '导入成功' })).toBeVisible();
  await expect(page.locator('[data-overall]')).toContainText(`已学完 1/${total} 课`);
  await expect(quizRow(page, 'understanding-concept').locator('td').nth(1)).toHaveText('1');
  await page.reload();
  await expect(page.locator('[data-overall]')).toContainText(`已学完 1/${total} 课`);
  await page.goto('/');
  await expect(page.getByRole('link', { name: /继续学习/ })).toBeVisible();
});

test('a broken import file is refused with a clear message and nothing is lost', async ({ page }) => {
  await page.goto('/learn/understanding/characteristics/');
  await page.getByRole('button', { name: '标记为已学完' }).click();
  await page.goto('/progress/');
  const total = lessonIds().length;
  await expect(page.locator('[data-overall]')).toContainText(`已学完 1/${total} 课`);
  const before = await page.evaluate((key) => localStorage.getItem(key), PROGRESS);
  expect(before).toContain('understanding/characteristics');

  const cases: [string, RegExp][] = [
    ['{"format":"xtzd-progress","version":1,"lessons":{', /不是有效的 JSON/],
    ['{"hello":"world"}', /不是本课程导出的进度文件/],
    ['{"format":"xtzd-progress","version":99,"lessons":{},"quizzes":{},"scenarios":{}}', /更新版本/],
    ['{"format":"xtzd-progress","version":1,"lessons":[],"quizzes":{},"scenarios":{}}', /结构不对/],
  ];
  for (const [text, reason] of cases) {
    await importText(page, text, 'broken.json');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('导入失败');
    await expect(alert).toContainText(reason);
    await expect(alert).toContainText('没有任何改动');
  }
  await expect(page.locator('[data-overall]')).toContainText(`已学完 1/${total} 课`);
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS)).toBe(before);
});

test('the certificate is reachable only after every lesson and the final assessment', async ({ page }) => {
  const max = finalMax();
  await page.goto('/certificate/');
  await expect(page.getByRole('heading', { name: '还差这些，才能获得证书：' })).toBeVisible();
  await expect(page.locator('[data-missing="final"]')).toContainText('还没有参加结业测评');
  await expect(page.locator('[data-missing="lessons"]')).toContainText(`${lessonIds().length} 课`);
  await expect(page.getByRole('button', { name: '打印证书' })).toHaveCount(0);

  // Every lesson done except via the final assessment, which was failed: still missing.
  await page.goto('/progress/');
  await importText(page, preparedFile({ finalScore: 1, markDone: (id) => id !== 'assessment/final' }));
  await expect(page.getByRole('status').filter({ hasText: '导入成功' })).toBeVisible();
  await page.goto('/certificate/');
  await expect(page.locator('[data-missing="final"]')).toContainText('未达到通过线');
  await expect(page.locator('[data-missing="lessons"]')).toContainText('1 课');
  await expect(page.getByRole('button', { name: '打印证书' })).toHaveCount(0);

  // The final passed (its lesson counts done through the quiz): the certificate appears.
  await page.goto('/progress/');
  await importText(page, preparedFile({ finalScore: max, markDone: (id) => id !== 'assessment/final' }));
  await expect(page.getByRole('status').filter({ hasText: '导入成功' })).toBeVisible();
  await expect(page.locator('[data-overall]')).toContainText(`已学完 ${lessonIds().length}/${lessonIds().length} 课`);
  await page.goto('/certificate/');
  const print = page.getByRole('button', { name: '打印证书' });
  await expect(print).toBeDisabled();
  await page.getByLabel('姓名（将印在证书上）').fill('王小明');
  await expect(print).toBeEnabled();
  const cert = page.getByRole('article', { name: '结业证书' });
  await expect(cert).toContainText('王小明');
  await expect(cert.locator('[data-cert-score]')).toContainText(`${max}/${max}（100%）`);

  // Print: one A4 landscape page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByLabel('姓名（将印在证书上）')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const count = pdf.toString('latin1').match(/\/Type\s*\/Pages\s*\/Count\s+(\d+)/);
  expect(Number(count?.[1])).toBe(1);
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  expect(Number(box![1])).toBeGreaterThan(Number(box![2])); // landscape
});

test('progress pages pass axe (WCAG 2.2 AA) with progress shown', async ({ page }) => {
  // Four full axe scans: allow for a loaded machine, like the quiz axe test.
  test.setTimeout(120_000);
  const check = async () => expect(await axeViolations(page)).toEqual([]);
  await page.goto('/learn/understanding/concept/');
  await page.getByRole('button', { name: '标记为已学完' }).click();
  await expect(page.getByRole('button', { name: /撤销/ })).toBeVisible();
  await check();
  await page.goto('/progress/');
  await expect(page.locator('[data-overall]')).toBeVisible();
  await page.getByRole('button', { name: '清除全部进度' }).click();
  await expect(page.getByRole('button', { name: '确定清除' })).toBeVisible();
  await check();
  await page.getByRole('button', { name: '取消' }).click();
  await page.goto('/certificate/');
  await expect(page.locator('[data-eligible]')).toBeVisible();
  await check();
  await page.goto('/');
  await expect(page.getByRole('link', { name: /继续学习/ })).toBeVisible();
  await check();
});

test('blocked storage never breaks a page: marking works for the visit and says it is not saved', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await page.goto('/learn/understanding/concept/');
  await page.getByRole('button', { name: '标记为已学完' }).click();
  await expect(page.getByText('本机无法保存学习进度')).toBeVisible();
  await expect(outline(page).locator('li[data-lesson-id="understanding/concept"] a')).toContainText('已学完');
  await page.goto('/progress/');
  await expect(page.getByRole('status').filter({ hasText: '本机无法保存学习进度' })).toBeVisible();
  await expect(page.locator('[data-overall]')).toContainText('已学完 0/');
  await page.goto('/');
  await expect(page.getByRole('link', { name: /开始学习/ })).toBeVisible();
  expect(errors).toEqual([]);
});
