/**
 * Issue 11 in the browser: the final assessment draws a paper per attempt (same paper on reload, a
 * new one on retake), and every case scenario played along two contrasting paths reaches the
 * ending the engine predicts, with the debrief paragraphs that fit the choices made and none that
 * do not. Data-driven: paths are picked with the engine from content/scenarios at test time.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { checkQuiz, collectErrors, hydrated } from './helpers';
import { contrastingPlays, lessonHosting, readScenario } from './quiz-content';
import { findEnding } from '../../src/lib/quiz/scenario';
import { quizSchema } from '../../src/lib/quiz/schema';
import { scopedName } from '../../src/lib/paths';

const FINAL = 'final-assessment';

async function paperOf(page: Page): Promise<string[]> {
  const root = page.locator(`[data-quiz-id="${FINAL}"]`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('.qz-q').first()).toBeVisible();
  return root.locator('.qz-q').evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id') ?? ''));
}

test('final assessment: a drawn paper per attempt; reload shows the same paper, retake a new one', async ({ page }) => {
  const errors = collectErrors(page);
  const pool = quizSchema.parse(parse(readFileSync(`content/quizzes/${FINAL}.yaml`, 'utf8')));
  expect(pool.draw, 'the final assessment is a pool').toBeTruthy();
  const path = lessonHosting('Quiz', FINAL)!;
  await page.goto(path);
  const first = await paperOf(page);
  expect(first).toHaveLength(Math.min(pool.draw!.count, pool.questions.length));
  expect(new Set(first).size).toBe(first.length);
  for (const id of first) expect(pool.questions.some((q) => q.id === id)).toBe(true);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), scopedName('/', 'progress'));
  expect(saved.quizzes[FINAL].paper.ids).toEqual(first);

  await page.reload();
  expect(await paperOf(page)).toEqual(first);

  // Check (one question answered, the rest confirmed unanswered), then retake: a new paper, saved.
  const root = page.locator(`[data-quiz-id="${FINAL}"]`);
  await checkQuiz(root);
  await expect(root.locator('.qz-summary')).toBeFocused();
  const retake = root.getByRole('button', { name: '换一套题重新作答' });
  await retake.focus();
  await page.keyboard.press('Enter');
  await expect(root.locator('.qz-summary')).toHaveCount(0);
  const second = await paperOf(page);
  expect(second).toHaveLength(first.length);
  expect(second).not.toEqual(first);
  await page.reload();
  expect(await paperOf(page)).toEqual(second);
  expect(errors).toEqual([]);
});

test('final assessment: the page carries one fixed paper, the island fetches the pool; a failed fetch keeps the paper readable', async ({ page, browser }) => {
  const pool = quizSchema.parse(parse(readFileSync(`content/quizzes/${FINAL}.yaml`, 'utf8')));
  const count = Math.min(pool.draw!.count, pool.questions.length);
  expect(pool.questions.length, 'the pool is larger than a paper').toBeGreaterThan(count);
  const path = lessonHosting('Quiz', FINAL)!;
  // The page: one paper's questions, not the pool (issue 17: the page does not grow with the pool).
  const html = await (await page.request.get(path)).text();
  const inPage = pool.questions.filter((q) => html.includes(`data-question-id="${q.id}"`));
  expect(inPage).toHaveLength(count);
  expect(html).not.toContain(pool.questions.find((q) => !inPage.includes(q))!.prompt.trim().slice(0, 30));

  // Without JavaScript: that paper, with the note that says why.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await noJs.newPage();
  await p2.goto(path);
  const root2 = p2.locator(`[data-quiz-id="${FINAL}"]`);
  // (Chromium with JavaScript disabled by the test still parses <noscript> as text: its note is read from the HTML.)
  expect(html).toMatch(/<noscript><p class="quiz-pool-note">下面是一套固定的题目/);
  await expect(root2).toContainText(inPage[0]!.prompt.trim().slice(0, 20));
  await noJs.close();

  // The pool cannot be fetched: the fixed paper stays, with a notice; nothing breaks.
  const errors = collectErrors(page);
  await page.route('**/quiz-pools/*.json', (route) => route.abort());
  await page.goto(path);
  const root = page.locator(`[data-quiz-id="${FINAL}"]`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.getByRole('status').filter({ hasText: '题库载入失败' })).toBeVisible();
  await expect(root).toContainText(inPage[0]!.prompt.trim().slice(0, 20));
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

const CASES = readdirSync('content/scenarios')
  .filter((f) => f.startsWith('case-') && f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

test('there are five case scenarios', () => {
  expect(CASES).toHaveLength(5);
});

for (const sid of CASES) {
  test(`${sid}: two contrasting paths reach the predicted endings with debriefs that fit the path`, async ({ page }) => {
    const errors = collectErrors(page);
    const s = readScenario(sid);
    const path = lessonHosting('Scenario', sid)!;
    const plays = contrastingPlays(s);
    await page.goto(path);
    const root = page.locator(`[data-quiz-id="${sid}"]`);
    await root.scrollIntoViewIfNeeded();
    await expect(root.locator('.sc')).toBeVisible();
    await hydrated(root);
    for (const play of plays) {
      let node = s.start;
      for (const ci of play.choices) {
        const choice = s.nodes[node]!.choices![ci]!;
        const btn = root.getByRole('button', { name: choice.text, exact: true });
        await btn.focus();
        await page.keyboard.press('Enter');
        await expect(root.locator('.sc-last')).toContainText(choice.text);
        // The island moves focus to what happened once it has painted: wait for it, or the next
        // button focused here loses its focus (and its Enter) to that move.
        await expect(root.locator('.sc-last')).toBeFocused();
        node = choice.next;
      }
      const ending = findEnding(s, play.ending)!;
      const box = root.locator('.sc-ending');
      await expect(box.locator('.sc-node-title')).toHaveText(`结局：${ending.title}`);
      await expect(box).not.toContainText('复盘：复盘');
      await expect(box.locator('.sc-score')).toContainText(`你的得分：${play.score} 分`);
      // The debrief shown is exactly the engine's for this path: the paragraphs whose conditions
      // hold, and none of those that do not.
      const shown = (await box.locator('.sc-debrief').allTextContents()).map((t) => t.replace(/^复盘：/, '').trim());
      expect(shown).toEqual(play.debrief.map((t) => t.trim()));
      const all = [ending.debrief, ...(ending.debriefIf ?? []).map((d) => d.text)].map((t) => t.trim());
      for (const text of all.filter((t) => !play.debrief.map((x) => x.trim()).includes(t))) expect(shown).not.toContain(text);
      const restart = root.getByRole('button', { name: '重新开始' });
      await restart.focus();
      await page.keyboard.press('Enter');
      await expect(root.locator('.sc-node-title')).toHaveText('第 1 步');
      await expect(root.locator('.sc-node-title')).toBeFocused();
    }
    // The review lists both plays (replayed from the saved choices).
    for (const play of plays) {
      let node = s.start;
      for (const ci of play.choices) {
        const choice = s.nodes[node]!.choices![ci]!;
        await root.getByRole('button', { name: choice.text, exact: true }).click();
        node = choice.next;
      }
      break;
    }
    await root.getByRole('button', { name: '回顾路径' }).click();
    const past = root.getByRole('region', { name: '你以前走过的路径' });
    for (const play of plays) await expect(past).toContainText(findEnding(s, play.ending)!.title);
    expect(errors).toEqual([]);
  });
}
