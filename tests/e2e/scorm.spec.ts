/**
 * Issue 14: the SCORM packages with a real LMS-side runtime. A test LMS page (tests/e2e/scorm/)
 * hosts scorm-again's SCORM 1.2 or 2004 API and launches the package unpacked from the zip
 * (npm run package:scorm). In the course: a lesson marked done, a quiz passed, the final assessment
 * (a drawn paper) passed; the runtime's CMI data is read after the launch ends, then the course is
 * relaunched with that data and the progress, the outline status and the bookmark must come back.
 * Also: the package's pages with no LMS work as the plain site. Content is read at test time.
 */
import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { collectErrors } from './helpers';
import { lessonHosting, placedQuizzes, readQuiz, type Q } from './quiz-content';
import { decodeSuspend } from '../../src/lib/scorm/suspend';
import { suspendIndex } from '../../src/lib/scorm/cmi';
import type { CourseIndex } from '../../src/lib/progress/summary';

const FINAL = 'final-assessment';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lessonOf = (path: string) => path.replace(/^\/learn\//, '').replace(/\/$/, '');

/** The course frame inside the package's launch shell. */
async function courseFrame(page: Page, urlPart: string | RegExp): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(() => {
      found = page.frames().find((f) => f.parentFrame()?.url().includes('scorm-launch.html') && (typeof urlPart === 'string' ? f.url().includes(urlPart) : urlPart.test(f.url())));
      return Boolean(found);
    }, { message: `course frame at ${urlPart}` })
    .toBe(true);
  await found!.waitForLoadState('load');
  return found!;
}

/** Pointer for choices; the keyboard for reordering, whose buttons move under the pointer. */
async function answerRight(page: Page, box: Locator, q: Q): Promise<void> {
  switch (q.kind) {
    case 'single':
      return box.getByRole('radio', { name: q.options!.find((o) => o.correct)!.text, exact: true }).check();
    case 'truefalse':
      return box.getByRole('radio', { name: q.answer ? '对' : '错', exact: true }).check();
    case 'multiple':
      for (const o of q.options!) if (o.correct) await box.getByRole('checkbox', { name: o.text, exact: true }).check();
      return;
    case 'ordering':
      for (let i = 0; i < q.items!.length; i++) {
        const item = q.items![i]!.text;
        const j = (await box.locator('.qz-order-text').allTextContents()).indexOf(item);
        const up = () => box.getByRole('button', { name: new RegExp(`上移\\s*：${esc(item)}$`) });
        if (j > i) await up().focus();
        for (let k = j; k > i; k--) {
          await page.keyboard.press('Enter');
          await expect(up()).toBeFocused();
        }
      }
      expect(await box.locator('.qz-order-text').allTextContents()).toEqual(q.items!.map((it) => it.text));
      return;
    case 'judgement':
      await box.getByRole('group', { name: '哪一种做法最有效？' }).getByRole('radio', { name: q.responses!.find((r) => r.rank === 'best')!.text, exact: true }).check();
      await box.getByRole('group', { name: '哪一种做法最不妥？' }).getByRole('radio', { name: q.responses!.find((r) => r.rank === 'worst')!.text, exact: true }).check();
      return;
    case 'matching':
      for (const p of q.pairs!) await box.getByLabel(p.left, { exact: true }).selectOption({ label: p.right });
      return;
  }
}

/** Answers every question of the quiz (or the drawn paper) on the page right and checks. */
async function passQuiz(frame: Frame, quizId: string): Promise<void> {
  const root = frame.locator(`[data-quiz-id="${quizId}"]`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('.qz-q').first()).toBeVisible();
  const questions = readQuiz(quizId).questions;
  for (const id of await root.locator('.qz-q').evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id') ?? ''))) {
    await answerRight(frame.page(), root.locator(`.qz-q[data-question-id="${id}"]`), questions.find((q) => q.id === id)!);
  }
  await root.getByRole('button', { name: '检查答案' }).focus();
  await frame.page().keyboard.press('Enter');
  await expect(root.locator('.qz-summary')).toBeFocused();
}

const VERSIONS = [
  { version: '1.2', pkg: 'scorm12' },
  { version: '2004', pkg: 'scorm2004' },
] as const;

const quiz = placedQuizzes()
  .filter((q) => q.id !== FINAL && !q.page.startsWith('/learn/assessment/'))
  .sort((a, b) => a.quiz.questions.length - b.quiz.questions.length)[0]!;
const quizLesson = lessonOf(quiz.page);
const finalLesson = lessonOf(lessonHosting('Quiz', FINAL)!);

for (const { version, pkg } of VERSIONS) {
  const index = (JSON.parse(readFileSync(`dist-scorm/${pkg}/scorm-course.json`, 'utf8')) as { index: CourseIndex }).index;
  const lessons = index.modules.flatMap((m) => m.lessons);
  // A lesson marked done by hand (its quiz left alone).
  const marked = lessons.find((l) => l.id !== quizLesson && l.id !== finalLesson)!.id;

  test(`SCORM ${version}: progress, score and bookmark reach scorm-again and come back on relaunch`, async ({ page }) => {
    // Two launches, a lesson quiz and a 25-question paper answered by keyboard in nested frames.
    test.setTimeout(300_000);
    const errors = collectErrors(page);
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto('/__host/host.html');
    await page.evaluate(([v, p]) => (window as unknown as { launch: (...a: unknown[]) => void }).launch(v, p, null), [version, pkg]);
    let frame = await courseFrame(page, /index\.html$/);
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();

    // 1. A lesson marked done.
    await frame.goto(new URL(`learn/${marked}/index.html`, frame.url()).href);
    await frame.getByRole('button', { name: '标记为已学完' }).click();
    await expect(frame.getByRole('status').filter({ hasText: '本课已标记为已学完' })).toBeVisible();
    // 2. A lesson quiz passed.
    await frame.goto(new URL(`../../${quizLesson}/index.html`, frame.url()).href);
    await passQuiz(frame, quiz.id);
    // 3. The final assessment passed (its drawn paper, answered from the pool).
    await frame.goto(new URL(`../../${finalLesson}/index.html`, frame.url()).href);
    await passQuiz(frame, FINAL);
    // 4. The bookmark: back to the marked lesson, at its second section.
    const sections = await (async () => {
      await frame.goto(new URL(`../../${marked}/index.html`, frame.url()).href);
      return frame.locator('article h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
    })();
    const section = sections[1] ?? sections[0]!;
    // Arriving at a section (a link to it) records it at once; reading one records it after 2 s.
    const lessonUrl = frame.url();
    await frame.goto(new URL('../../../index.html', lessonUrl).href);
    await frame.goto(`${lessonUrl}#${encodeURIComponent(section)}`);
    await frame.getByRole('button', { name: '标记为已学完' }).or(frame.getByRole('button', { name: '撤销' })).first().waitFor();

    // Leave: the LMS unloads the shell, which terminates exactly once.
    await page.evaluate(() => (window as unknown as { leave: () => void }).leave());
    await expect.poll(() => page.evaluate(() => (window as unknown as { calls: { terminate: number } }).calls.terminate)).toBe(1);
    const calls = await page.evaluate(() => (window as unknown as { calls: { init: number; terminate: number; commit: number; errors: string[]; set: Record<string, string> } }).calls);
    expect(calls.init).toBe(1);
    expect(calls.errors).toEqual([]);
    expect(calls.commit).toBeGreaterThanOrEqual(3);
    const cmi = await page.evaluate(() => (window as unknown as { cmi: () => Record<string, any> }).cmi());
    const c = cmi.cmi ?? cmi;
    const suspend: string = c.suspend_data;
    if (version === '1.2') {
      expect(c.core.lesson_status).toBe('passed');
      expect(c.core.score.raw).toBe('100');
      expect(c.core.lesson_location).toBe(`${marked}#${section}`);
      expect(calls.set['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      expect(calls.set['cmi.core.exit']).toBe('suspend');
    } else {
      expect(c.completion_status).toBe('incomplete');
      expect(c.success_status).toBe('passed');
      expect(Number(c.score.scaled)).toBe(1);
      expect(c.location).toBe(`${marked}#${section}`);
      expect(calls.set['cmi.session_time']).toMatch(/^PT\d+H\d+M[\d.]+S$/);
      expect(calls.set['cmi.exit']).toBe('suspend');
    }
    const restored = decodeSuspend(suspend, suspendIndex(index));
    expect(restored.lessons[marked]?.status).toBe('done');
    expect(restored.quizzes[quiz.id]?.passed).toBe(true);
    expect(restored.quizzes[FINAL]?.passedDraw).toBe(true);

    // Relaunch in a fresh browser context (another computer): only the LMS's data.
    const other = await page.context().browser()!.newContext();
    const again = await other.newPage();
    const errors2 = collectErrors(again);
    await again.goto(page.url());
    await again.evaluate(([v, p, data]) => (window as unknown as { launch: (...a: unknown[]) => void }).launch(v, p, data), [version, pkg, cmi] as const);
    // The bookmark: the shell opens the marked lesson at its section.
    frame = await courseFrame(again, `/learn/${marked}/index.html`);
    expect(decodeURIComponent(new URL(frame.url()).hash.slice(1))).toBe(section);
    await expect(frame.getByRole('status').filter({ hasText: '本课已标记为已学完' })).toBeVisible();
    // The outline: both lessons done.
    const outline = frame.getByRole('navigation', { name: '课程大纲' });
    await expect(outline.locator(`li[data-lesson-id="${marked}"] [data-status-for]`)).toHaveAttribute('data-status', 'done');
    // The outline lists only the current unit's lessons (issue 17): the quiz lesson is checked on its own page.
    await frame.goto(new URL(`../../${quizLesson}/index.html`, frame.url()).href);
    await expect(
      frame.getByRole('navigation', { name: '课程大纲' }).locator(`li[data-lesson-id="${quizLesson}"] [data-status-for]`),
    ).toHaveAttribute('data-status', 'done');
    // The final's pass is back: the progress page shows the final passed.
    await frame.goto(new URL('../../../progress/index.html', frame.url()).href);
    await expect(frame.locator(`tr[data-quiz-row="${FINAL}"]`)).toContainText('已通过');
    const againCalls = await again.evaluate(() => (window as unknown as { calls: { init: number } }).calls);
    expect(againCalls.init).toBe(1);
    await other.close();
    expect(errors).toEqual([]);
    expect(errors2).toEqual([]);
  });

  test(`SCORM ${version} package with no LMS: the plain site, progress in the browser, search works`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(`/${pkg}/scorm-launch.html`);
    await expect(page).toHaveURL(new RegExp(`/${pkg}/index\\.html$`));
    await page.goto(`/${pkg}/learn/${marked}/index.html`);
    await page.getByRole('button', { name: '标记为已学完' }).click();
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: '本课已标记为已学完' })).toBeVisible();
    await page.goto(`/${pkg}/search/index.html?q=${encodeURIComponent('协调')}`);
    const first = page.locator('main').getByRole('link').filter({ hasText: /\S/ }).first();
    await expect(page.locator('main a[href*="/learn/"]').first()).toBeVisible();
    const href = await page.locator('main a[href*="/learn/"]').first().getAttribute('href');
    expect(new URL(href!, page.url()).pathname).toMatch(new RegExp(`^/${pkg}/learn/.+/index\\.html$`));
    void first;
    expect(errors).toEqual([]);
  });
}
