/**
 * Quizzes and scenarios on real lesson pages, played by keyboard. Content is read from
 * content/ at test time (see ./quiz-content.ts); nothing about titles or counts is hard-coded.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkQuiz, collectErrors, hydrated } from './helpers';
import { axeViolations } from './quality-helpers';
import { findQuestion, lessonHosting, placedQuizzes, readScenario, scenarioPaths, type Kind, type Q } from './quiz-content';
import { findEnding } from '../../src/lib/quiz/scenario';
import { scopedName } from '../../src/lib/paths';

/** Where this deployment (base /) keeps progress. */
const PROGRESS = scopedName('/', 'progress');

const SEED = 7;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openQuiz(page: Page, pagePath: string, quizId: string, seed = SEED): Promise<Locator> {
  await page.goto(`${pagePath}?seed=${seed}`);
  const root = page.locator(`[data-quiz-id="${quizId}"]`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('.qz, .sc').first()).toBeVisible();
  await hydrated(root);
  return root;
}

const question = (root: Locator, q: Q) => root.locator(`.qz-q[data-question-id="${q.id}"]`);

async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max: number): Promise<void> {
  for (let i = 0; i <= max; i++) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  throw new Error(`pressed ${key} ${max} times without reaching the target`);
}

/** Checks the radio labelled `label` using only Space and arrow keys. */
async function pickRadio(page: Page, box: Locator, label: string): Promise<void> {
  const radios = box.getByRole('radio');
  await radios.first().focus();
  await page.keyboard.press('Space');
  const target = box.getByRole('radio', { name: label, exact: true });
  await pressUntil(page, 'ArrowDown', () => target.isChecked(), await radios.count());
  await expect(target).toBeFocused();
}

async function answer(page: Page, box: Locator, q: Q, right: boolean): Promise<void> {
  switch (q.kind) {
    case 'single': {
      const opt = q.options!.find((o) => Boolean(o.correct) === right)!;
      return pickRadio(page, box, opt.text);
    }
    case 'truefalse':
      return pickRadio(page, box, q.answer === right ? '对' : '错');
    case 'multiple': {
      const wrongOne = q.options!.find((o) => !o.correct);
      for (const o of q.options!) {
        const want = right ? Boolean(o.correct) : o === wrongOne;
        if (!want) continue;
        const cb = box.getByRole('checkbox', { name: o.text, exact: true });
        await cb.focus();
        await page.keyboard.press('Space');
        await expect(cb).toBeChecked();
      }
      return;
    }
    case 'ordering': {
      if (!right) return; // the shown order is never the right one
      const texts = () => box.locator('.qz-order-text').allTextContents();
      for (let i = 0; i < q.items!.length; i++) {
        const item = q.items![i]!.text;
        const j = (await texts()).indexOf(item);
        if (j === i) continue;
        const up = box.getByRole('button', { name: new RegExp(`上移\\s*：${esc(item)}$`) });
        await up.focus();
        for (let k = j; k > i; k--) {
          await page.keyboard.press('Enter');
          // Focus follows the moved item.
          await expect(box.getByRole('button', { name: new RegExp(`上移\\s*：${esc(item)}$`) })).toBeFocused();
        }
      }
      expect(await texts()).toEqual(q.items!.map((it) => it.text));
      return;
    }
    case 'judgement': {
      // Two radio groups (fieldsets): the most effective and the least effective response.
      const best = q.responses!.find((r) => r.rank === 'best')!.text;
      const worst = q.responses!.find((r) => r.rank === 'worst')!.text;
      await pickRadio(page, box.getByRole('group', { name: '哪一种做法最有效？' }), right ? best : worst);
      await pickRadio(page, box.getByRole('group', { name: '哪一种做法最不妥？' }), right ? worst : best);
      return;
    }
    case 'matching': {
      const pairs = q.pairs!;
      for (let i = 0; i < pairs.length; i++) {
        if (!right && i > 0) break;
        const target = right ? pairs[i]!.right : pairs[(i + 1) % pairs.length]!.right;
        const sel = box.getByLabel(pairs[i]!.left, { exact: true });
        await sel.focus();
        await pressUntil(page, 'ArrowDown', async () => (await sel.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)) === target, pairs.length + 1);
      }
      return;
    }
  }
}

async function check(page: Page, root: Locator): Promise<void> {
  const btn = root.getByRole('button', { name: '检查答案' });
  await btn.focus();
  await page.keyboard.press('Enter');
  // Other questions of the quiz are left unanswered: the quiz asks first (issue 16); confirm by keyboard.
  const go = root.getByRole('button', { name: '仍然检查' });
  await expect(root.locator('.qz-summary').or(go)).toBeVisible();
  if (await go.isVisible()) {
    await go.focus();
    await page.keyboard.press('Enter');
  }
  await expect(root.locator('.qz-summary')).toBeFocused();
}

const KINDS: Kind[] = ['single', 'truefalse', 'multiple', 'ordering', 'matching', 'judgement'];

for (const kind of KINDS) {
  test(`${kind}: right and wrong answers by keyboard, with feedback, retry and show answer`, async ({ page }) => {
    const errors = collectErrors(page);
    // A question that links back to its lesson (the link is checked below).
    const { id, page: path, q } = findQuestion(kind, (x) => !!x.ref && (kind !== 'ordering' || x.items!.length >= 2));
    const root = await openQuiz(page, path, id);
    const box = question(root, q);
    await expect(box.getByRole('group').first()).toBeVisible();
    await expect(root.getByRole('button', { name: '查看答案' })).toHaveCount(0);

    await answer(page, box, q, true);
    await check(page, root);
    await expect(box.locator('.qz-status')).toHaveText(/回答正确/);
    await expect(root.getByRole('status')).toContainText('已检查');
    await expect(box.getByRole('link', { name: '回到课文' })).toHaveAttribute('href', new RegExp(`/learn/${esc(q.ref!.split('#')[0]!)}/`));
    if (kind === 'single' || kind === 'multiple') {
      const chosen = q.options!.filter((o) => o.correct);
      for (const o of chosen) await expect(box).toContainText(o.feedback.trim());
    }
    if (kind === 'judgement') {
      // Per-response feedback for the two responses picked, and only those until 查看答案.
      for (const r of q.responses!) {
        if (r.rank === 'middle') await expect(box.locator('.qz-judge-fb')).not.toContainText(r.feedback.trim());
        else await expect(box.locator('.qz-judge-fb')).toContainText(r.feedback.trim());
      }
    }

    // Retry, then a wrong answer.
    const retry = root.getByRole('button', { name: /再试一次|再做一遍/ });
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect(root.locator('.qz-summary')).toHaveCount(0);
    await answer(page, box, q, false);
    await check(page, root);
    await expect(box.locator('.qz-status')).toHaveText(/回答错误|部分正确/);
    await expect(box.locator('.qz-status')).not.toHaveText(/回答正确/);
    if (kind === 'single') {
      const wrong = q.options!.find((o) => !o.correct)!;
      await expect(box).toContainText(wrong.feedback.trim());
      await expect(box).toContainText('你的选择：错误');
    }
    // Show answer appears only now; it reveals the right answer.
    const show = root.getByRole('button', { name: '查看答案' });
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(show).toHaveAttribute('aria-expanded', 'true');
    if (kind === 'ordering') await expect(box.locator('.qz-reveal li').first()).toContainText(q.items![0]!.text);
    if (kind === 'matching') await expect(box.locator('.qz-reveal')).toContainText(q.pairs![0]!.right);
    if (kind === 'single') await expect(box).toContainText('正确答案');
    if (kind === 'judgement') for (const r of q.responses!) await expect(box.locator('.qz-judge-fb')).toContainText(r.feedback.trim());
    expect(errors).toEqual([]);
  });
}

test('options are shuffled by seed, deterministically, but true/false never', async ({ page }) => {
  const { id, page: path, q } = findQuestion('single', (x) => x.options!.length >= 4);
  const orderFor = async (seed: number) => {
    const root = await openQuiz(page, path, id, seed);
    return question(root, q).locator('.qz-option').allTextContents();
  };
  const a = await orderFor(1);
  expect(a).toHaveLength(q.options!.length);
  expect(await orderFor(1)).toEqual(a);
  const others = [];
  for (const s of [2, 3, 4, 5]) others.push((await orderFor(s)).join('|'));
  expect(new Set([a.join('|'), ...others]).size).toBeGreaterThan(1);
  const tf = findQuestion('truefalse');
  const root = await openQuiz(page, tf.page, tf.id, 3);
  await expect(question(root, tf.q).locator('.qz-option')).toHaveText(['对', '错']);
});

test('a result is saved, survives a reload, and corrupted storage never breaks the page', async ({ page }) => {
  const errors = collectErrors(page);
  const { id, page: path, q } = findQuestion('single');
  let root = await openQuiz(page, path, id);
  await answer(page, question(root, q), q, true);
  await check(page, root);
  await page.reload();
  root = page.locator(`[data-quiz-id="${id}"]`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('[data-quiz-saved]')).toContainText('已作答 1 次');
  await expect(root.locator('[data-storage-notice]')).toHaveCount(0);
  // The last answers come back, checked, with their feedback.
  await expect(root.locator('.qz-summary')).toContainText('下面是你上次检查过的答案和反馈');
  const key = q.options!.find((o) => o.correct)!;
  await expect(question(root, q).getByRole('radio', { name: key.text, exact: true })).toBeChecked();
  await expect(question(root, q).locator('.qz-status')).toHaveText(/回答正确/);
  await expect(question(root, q)).toContainText(key.feedback.trim());

  // Corrupt the stored progress before the next page's scripts run (the page being left may still
  // save its in-memory copy on pagehide, which would rightly repair the store): the quiz still
  // works and saves again.
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('corrupted')) return;
    sessionStorage.setItem('corrupted', '1');
    localStorage.setItem(key, '{"version":1,"quizzes":{"x":{"attempts":"lots"}');
  }, PROGRESS);
  root = await openQuiz(page, path, id);
  await expect(root.locator('[data-quiz-saved]')).toHaveCount(0);
  await answer(page, question(root, q), q, true);
  await check(page, root);
  await expect(root.locator('[data-quiz-saved]')).toContainText('已作答 1 次');
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), PROGRESS);
  expect(saved.quizzes[id].attempts).toBe(1);
  expect(errors).toEqual([]);
});

test('storage that throws (private mode) shows a quiet notice and the quiz still works', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const { id, page: path, q } = findQuestion('truefalse');
  const root = await openQuiz(page, path, id);
  await expect(root.locator('[data-storage-notice]')).toBeVisible();
  await answer(page, question(root, q), q, true);
  await check(page, root);
  await expect(question(root, q).locator('.qz-status')).toHaveText(/回答正确/);
  expect(errors).toEqual([]);
});

test('scenario: two paths to two endings by keyboard, with score, best score, path review, restart and saved plays', async ({ page }) => {
  const errors = collectErrors(page);
  const sid = 'case-xiaoli-negotiation';
  const s = readScenario(sid);
  const path = lessonHosting('Scenario', sid)!;
  const paths = scenarioPaths(s);
  const best = Math.max(...paths.map((p) => p.score));
  const first = paths[0]!;
  const second = paths.find((p) => p.ending !== first.ending)!;
  expect(second).toBeTruthy();
  const root = await openQuiz(page, path, sid);

  for (const [round, p] of [first, second].entries()) {
    let node = s.start;
    for (const [step, ci] of p.choices.entries()) {
      const choice = s.nodes[node]!.choices![ci]!;
      const btn = root.getByRole('button', { name: choice.text, exact: true });
      await btn.focus();
      await page.keyboard.press('Enter');
      // Focus moves to what happened because of the choice.
      await expect(root.locator('.sc-last')).toBeFocused();
      await expect(root.locator('.sc-last')).toContainText(choice.text);
      node = choice.next;
      if (step < p.choices.length - 1) await expect(root.locator('.sc-node-title')).toHaveText(`第 ${step + 2} 步`);
    }
    const ending = findEnding(s, p.ending)!;
    await expect(root.locator('.sc-ending')).toContainText(ending.title);
    await expect(root.locator('.sc-score')).toContainText(`你的得分：${p.score} 分`);
    await expect(root.locator('.sc-score')).toContainText(`最高可得 ${best} 分`);
    await expect(root.locator('.sc-path > li')).toHaveCount(p.choices.length);
    const review = root.getByRole('button', { name: '回顾路径' });
    await review.focus();
    await page.keyboard.press('Enter');
    await expect(root.locator('.sc-review').first()).toBeVisible();
    await expect(root.locator('[data-quiz-saved]')).toContainText(`已完成 ${round + 1} 次`);
    const restart = root.getByRole('button', { name: '重新开始' });
    await restart.focus();
    await page.keyboard.press('Enter');
    await expect(root.locator('.sc-node-title')).toBeFocused();
    await expect(root.locator('.sc-node-title')).toHaveText('第 1 步');
  }
  await page.reload();
  await page.locator(`[data-quiz-id="${sid}"]`).scrollIntoViewIfNeeded();
  await expect(page.locator(`[data-quiz-id="${sid}"] [data-quiz-saved]`)).toContainText('已完成 2 次');
  await expect(page.locator(`[data-quiz-id="${sid}"] [data-quiz-saved]`)).toContainText('已到达 2/');
  expect(errors).toEqual([]);
});

test('without JavaScript, questions, options and scenario text are readable, with answers collapsed', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const { id, page: path, q } = findQuestion('single');
  await page.goto(path);
  const root = page.locator(`[data-quiz-id="${id}"]`);
  await expect(root).toContainText(q.prompt.trim());
  await expect(root).toContainText(q.options![0]!.text.trim());
  await expect(root.locator('details').first()).not.toHaveAttribute('open');
  const sid = 'case-xiaoli-negotiation';
  await page.goto(lessonHosting('Scenario', sid)!);
  const sc = readScenario(sid);
  const scRoot = page.locator(`[data-quiz-id="${sid}"]`);
  await expect(scRoot).toContainText(sc.nodes[sc.start]!.text!.trim().slice(0, 20));
  // The whole story can be read by following the choice links.
  await scRoot.locator('summary', { hasText: '阅读全部情节' }).click();
  const firstChoice = sc.nodes[sc.start]!.choices![0]!;
  await scRoot.getByRole('link', { name: firstChoice.text, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#scenario-${sid}-${firstChoice.next}$`));
  const next = sc.nodes[firstChoice.next]!;
  await expect(page.locator(`[id="scenario-${sid}-${firstChoice.next}"]`)).toContainText((next.text ?? next.endings![0]!.title).trim().slice(0, 15));
  await ctx.close();
});

test('a page without a quiz loads no quiz JavaScript', async ({ page }) => {
  const fs = await import('node:fs');
  const lessons = fs
    .readdirSync('content/lessons')
    .flatMap((m) => fs.readdirSync(`content/lessons/${m}`).map((f) => `content/lessons/${m}/${f}`))
    .filter((f) => f.endsWith('.mdx'));
  const plainFile = lessons.find((f) => {
    const src = fs.readFileSync(f, 'utf8');
    return !/^draft:\s*true/m.test(src) && !/<(Quiz|Scenario)\s/.test(src);
  });
  // A lesson without a quiz if there is one; otherwise a module overview page (no quiz either).
  const plain = plainFile ? plainFile.replace(/^content\/lessons\/(.+)\.mdx$/, '/learn/$1/') : '/learn/understanding/';
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(plain!);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((u) => /QuizIsland|ScenarioIsland|preact/i.test(u))).toEqual([]);
});

test('axe: no violations on lesson pages that together cover every question kind and a scenario, after checking or a choice', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Choose pages until every kind is covered.
  const need = new Set<string>(KINDS);
  const pages: { id: string; page: string }[] = [];
  for (const p of placedQuizzes().sort((a, b) => new Set(b.quiz.questions.map((x) => x.kind)).size - new Set(a.quiz.questions.map((x) => x.kind)).size)) {
    const kinds = p.quiz.questions.map((x) => x.kind).filter((k) => need.has(k));
    if (!kinds.length) continue;
    kinds.forEach((k) => need.delete(k));
    pages.push(p);
    if (!need.size) break;
  }
  expect([...need]).toEqual([]);
  const sid = 'case-xiaoli-negotiation';
  pages.push({ id: sid, page: lessonHosting('Scenario', sid)! });
  const scan = async (where: string, on = page) => {
    expect((await axeViolations(on)).map((v) => `${where}: ${v}`)).toEqual([]);
  };
  // Each page as loaded is scanned with every page (every-page.spec.ts); here, the states a learner makes.
  for (const p of pages) {
    const root = await openQuiz(page, p.page, p.id);
    if (p.id === sid) {
      await root.locator('.sc-choice').first().click();
      await scan(`${p.page} (after a choice)`);
    } else {
      await checkQuiz(root);
      await root.getByRole('button', { name: '查看答案' }).click();
      await scan(`${p.page} (checked, answers shown)`);
    }
  }
  // Dark theme: feedback colours keep their contrast. A fresh attempt, in a new context: the checked
  // attempt above is saved, and clearing storage under an open page of the site does not last (the
  // page writes the progress it holds back when it unloads).
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, colorScheme: 'dark', serviceWorkers: 'block' });
  const dark = await context.newPage();
  const first = pages[0]!;
  const root = await openQuiz(dark, first.page, first.id);
  await checkQuiz(root);
  await root.getByRole('button', { name: '查看答案' }).click();
  await scan(`${first.page} (dark, checked)`, dark);
  await context.close();
});
