/**
 * The scenario player as a learner meets it on a phone (issue 16), by keyboard: how good each
 * choice was (label, icon, x/max), the story so far, stepping back, the endings found, the path
 * review in reading order; the cases index shows what was played; no doubled “复盘：复盘：”.
 * Expected values come from the real content and the real engine (nothing hard-coded).
 */
import { readdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { allEndings, choose, findEnding, pathReview, replay, stepBack, visibleChoices } from '../../src/lib/quiz/scenario';
import { collectErrors, hydrated } from './helpers';
import { axeViolations } from './quality-helpers';
import { contrastingPlays, lessonHosting, readScenario } from './quiz-content';

test.use({ viewport: { width: 390, height: 844 } });

const SID = 'case-xiaoli-negotiation';
const LABEL = { best: '最佳选择', partial: '部分可取', poor: '欠妥的选择' } as const;

async function openScenario(page: Page, sid = SID): Promise<Locator> {
  await page.goto(lessonHosting('Scenario', sid)!);
  const root = page.locator(`[data-quiz-id="${sid}"]`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('.sc-choice').first()).toBeVisible();
  await hydrated(root);
  return root;
}

/**
 * Presses Enter on `target` as a keyboard user would. The island moves focus after it paints (to
 * what happened, or to the step's title): two frames first, so that move is not made between the
 * focus here and the key.
 */
async function press(page: Page, target: Locator) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r)))));
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
}

test('scenario player: choice quality, story so far, step back, endings found and path review, by keyboard', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  const s = readScenario(SID);
  // A weak play (the lowest-scoring one that ends differently from the best), so better choices exist.
  const [, play] = contrastingPlays(s);
  // Three decisions at least: a story of earlier steps exists before the ending.
  expect(play.choices.length).toBeGreaterThanOrEqual(3);
  const review = pathReview(s, play.choices);
  expect(review.some((r) => r.better)).toBe(true);
  const text = (k: number) => review[k]!.choice.text;
  const root = await openScenario(page);

  for (let k = 0; k < play.choices.length; k++) {
    await press(page, root.getByRole('button', { name: text(k), exact: true }));
    const last = root.locator('.sc-last');
    await expect(last).toBeFocused();
    const r = review[k]!;
    // Label and icon as well as colour, points as x/max for the step.
    await expect(last).toHaveAttribute('data-quality', r.quality);
    await expect(last.locator('.sc-q')).toContainText(LABEL[r.quality]);
    await expect(last.locator('.sc-q')).toContainText(`本步得分：${r.points}/${r.max}`);
    await expect(last.locator('.sc-q [aria-hidden="true"]')).toHaveText(/[✔◐✘]/);
    await expect(last).toContainText(r.choice.feedback);

    if (k === 1) {
      // The story so far: step 1, collapsed; it opens by keyboard and shows the situation read then.
      const story = root.getByRole('region', { name: '前面的经过' });
      await expect(story.locator('details')).toHaveCount(1);
      await expect(story.locator('details')).not.toHaveAttribute('open', /.*/);
      const summary = story.locator('summary');
      await expect(summary).toContainText(`第 1 步：${text(0)}`);
      await expect(summary).toContainText(LABEL[review[0]!.quality]);
      await press(page, summary);
      await expect(story.locator('details')).toHaveAttribute('open', '');
      await expect(story).toContainText(review[0]!.situation.slice(0, 20));

      // Step back one decision: step 2 again, with focus on its heading; the story is gone (one step made).
      await press(page, root.getByRole('button', { name: '退回上一步' }));
      await expect(root.locator('.sc-node-title')).toBeFocused();
      await expect(root.locator('.sc-node-title')).toHaveText('第 2 步');
      await expect(root.locator('.sc-story')).toHaveCount(0);
      await expect(root.locator('.sc-last')).toContainText(text(0));
      await expect(root.getByRole('status')).toHaveText('已退回第 2 步。');
      // …and take the same choice again.
      await press(page, root.getByRole('button', { name: text(1), exact: true }));
      await expect(root.locator('.sc-last')).toContainText(text(1));
    }
  }

  // The ending: the endings found by title, the rest only as a count.
  const ending = findEnding(s, play.ending)!;
  const total = allEndings(s).length;
  const found = root.locator('.sc-found');
  await expect(root.locator('.sc-ending h4')).toHaveText(`结局：${ending.title}`);
  await expect(found).toContainText(`你已发现的结局（1/${total}）`);
  await expect(found.getByRole('listitem')).toHaveText([`${ending.title}（本次）`]);
  await expect(found).toContainText(`还有 ${total - 1} 个结局未发现`);
  for (const other of allEndings(s).filter((e) => e.id !== ending.id)) await expect(found).not.toContainText(other.title);
  await expect(root).not.toContainText('复盘：复盘');
  await expect(root.locator('.sc-debrief').first()).toHaveText(/^复盘：(?!复盘)/);

  // Path review in reading order: situation, choice, how good, outcome, principle, then the better choice.
  await press(page, root.getByRole('button', { name: '回顾路径' }));
  const steps = root.locator('.sc-path').first().locator(':scope > li');
  await expect(steps).toHaveCount(review.length);
  for (const [k, r] of review.entries()) {
    const li = steps.nth(k);
    const t = (await li.innerText()).replace(/\s+/g, '');
    const at = (x: string) => t.indexOf(x.replace(/\s+/g, ''));
    const order = [at(`情况：${r.situation}`), at(`你选择了：${r.choice.text}`), at(`${LABEL[r.quality]}本步得分：${r.points}/${r.max}`), at(`结果：${r.choice.feedback}`), at(`对应原则：${r.choice.principle}`)];
    expect(order.every((i) => i >= 0), `step ${k + 1}: ${order}`).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    if (r.better) {
      expect(at(`更好的选择：${r.better.text}`)).toBeGreaterThan(order[4]!);
    } else expect(t).not.toContain('更好的选择');
  }

  // Step back from the ending and take another way to a different ending: two endings found.
  const before = stepBack(s, replay(s, play.choices)!);
  const other = visibleChoices(s.nodes[before.node], before.vars).find(({ index }) => {
    const st = choose(s, before, index);
    return st.ended && st.ending !== play.ending;
  });
  expect(other, 'a different ending one decision before the end').toBeTruthy();
  const otherEnding = findEnding(s, choose(s, before, other!.index).ending!)!;
  await press(page, root.getByRole('button', { name: '退回上一步' }));
  await expect(root.locator('.sc-node-title')).toHaveText(`第 ${play.choices.length} 步`);
  await press(page, root.getByRole('button', { name: other!.choice.text, exact: true }));
  await expect(found).toContainText(`你已发现的结局（2/${total}）`);
  await expect(found.getByRole('listitem')).toHaveCount(2);
  await expect(found).toContainText(ending.title);
  await expect(found).toContainText(`${otherEnding.title}（本次）`);
  await expect(root.locator('[data-quiz-saved]')).toContainText('已完成 2 次');
  expect(errors).toEqual([]);
});

test('the cases index shows, per case, whether it was played and the endings found; broken progress shows nothing played', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/cases/');
  const cards = page.locator('[data-case-scenario]');
  const n = await cards.count();
  expect(n).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < n; i++) await expect(cards.nth(i).locator('[data-case-status]')).toHaveText('你的记录：尚未开始');

  // Play one case to an ending.
  const s = readScenario(SID);
  const [play] = contrastingPlays(s);
  const root = await openScenario(page);
  for (const c of pathReview(s, play.choices)) await press(page, root.getByRole('button', { name: c.choice.text, exact: true }));
  await expect(root.locator('.sc-ending')).toBeVisible();

  await page.goto('/cases/');
  const lesson = lessonHosting('Scenario', SID)!;
  const card = page.locator(`[data-case-scenario="${SID}"]`);
  await expect(card.locator('[data-case-status]')).toHaveText(`你的记录：已完成 1 次，发现 1/${allEndings(s).length} 个结局：${findEnding(s, play.ending)!.title}`);
  await expect(card.getByRole('link')).toHaveAttribute('href', lesson);
  for (let i = 0; i < n; i++) {
    const id = await cards.nth(i).getAttribute('data-case-scenario');
    if (id !== SID) await expect(cards.nth(i).locator('[data-case-status]')).toHaveText('你的记录：尚未开始');
  }
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);

  // Corrupted saved progress never breaks the page.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) localStorage.setItem(k, '{"version":2,"scenarios":{"x":{"plays":"many"}},');
  });
  await page.reload();
  await expect(card.locator('[data-case-status]')).toHaveText(/你的记录：尚未开始|^$/);
  expect(errors).toEqual([]);
});

test('no doubled “复盘：复盘：” in the answer keys (every ending’s debrief has the label once)', async ({ page }) => {
  const modules = readdirSync('dist/teach', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  let endings = 0;
  for (const m of modules) {
    await page.goto(`/teach/${m}/answer-key/`);
    await expect(page.locator('body')).not.toContainText('复盘：复盘');
    const debriefs = await page.locator('.tree-ending > p:not(.tree-cond)').allInnerTexts();
    for (const d of debriefs.filter((x) => x.startsWith('复盘'))) {
      endings++;
      expect(d.match(/复盘：/g), d.slice(0, 30)).toHaveLength(1);
    }
  }
  expect(endings).toBeGreaterThan(0);
});

test('axe: the scenario player mid-play (story open) and at the ending with the review, light and dark', async ({ page }) => {
  test.setTimeout(90_000);
  const s = readScenario(SID);
  const [, play] = contrastingPlays(s);
  const review = pathReview(s, play.choices);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const root = await openScenario(page);
    await root.getByRole('button', { name: review[0]!.choice.text, exact: true }).click();
    await root.getByRole('button', { name: review[1]!.choice.text, exact: true }).click();
    if (await root.locator('.sc-story summary').count()) await root.locator('.sc-story summary').click();
    expect(await axeViolations(page), `${scheme}, mid-play`).toEqual([]);
    for (const r of review.slice(2)) await root.getByRole('button', { name: r.choice.text, exact: true }).click();
    await root.getByRole('button', { name: '回顾路径' }).click();
    expect(await axeViolations(page), `${scheme}, ending with review`).toEqual([]);
  }
});
