/**
 * The learner's loop (issue 16): what next after a quiz, the confirm before checking with blanks,
 * weak spots that clear, 错题本, 继续学习 leading on, the certificate preview, the one time format and
 * the shorter progress page. By role and keyboard; content read from content/ at test time.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors } from './helpers';
import { axeViolations } from './quality-helpers';
import { placedQuizzes, type Q, type QuizFile } from './quiz-content';
import { scopedName } from '../../src/lib/paths';

const PROGRESS = scopedName('/', 'progress');

/** A placed quiz of only single / true-false / multiple questions (answerable right by label), hosted by a lesson that has a next lesson. */
function simpleQuiz(): { id: string; page: string; quiz: QuizFile } {
  const q = placedQuizzes().find((p) => p.quiz.questions.every((x) => ['single', 'truefalse', 'multiple'].includes(x.kind)) && !p.page.includes('/assessment/'));
  if (!q) throw new Error('no placed quiz of single/truefalse/multiple questions only');
  return q;
}

async function answerRight(box: Locator, q: Q, right = true): Promise<void> {
  if (q.kind === 'truefalse') return box.getByRole('radio', { name: q.answer === right ? '对' : '错', exact: true }).check();
  if (q.kind === 'single') return box.getByRole('radio', { name: q.options!.find((o) => Boolean(o.correct) === right)!.text, exact: true }).check();
  for (const o of q.options!) if (right ? o.correct : o === q.options!.find((x) => !x.correct)) await box.getByRole('checkbox', { name: o.text, exact: true }).check();
}

const questionBox = (root: Locator, q: Q) => root.locator(`.qz-q[data-question-id="${q.id}"]`);

async function press(page: Page, target: Locator, key = 'Enter') {
  await target.focus();
  await page.keyboard.press(key);
}

async function openQuiz(page: Page, path: string, id: string): Promise<Locator> {
  await page.goto(`${path}?seed=3`);
  const root = page.locator(`section.quiz[data-quiz-id="${id}"]`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('.qz')).toBeVisible();
  return root;
}

const saved = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), PROGRESS);

test('checking asks first when questions are unanswered; a blank attempt is neither checked nor recorded (keyboard)', async ({ page }) => {
  const errors = collectErrors(page);
  const { id, page: path, quiz } = simpleQuiz();
  const root = await openQuiz(page, path, id);
  // Blank: refused with an alert, nothing saved.
  await press(page, root.getByRole('button', { name: '检查答案' }));
  await expect(root.getByRole('alert')).toContainText('还没有作答任何题目');
  await expect(root.locator('.qz-summary')).toHaveCount(0);
  expect((await saved(page))?.quizzes?.[id]).toBeUndefined();

  // One answered: the quiz asks (a group with the count), focus moves there; Escape goes back to answering.
  await answerRight(questionBox(root, quiz.questions[0]!), quiz.questions[0]!);
  await expect(root.getByRole('alert')).toHaveCount(0);
  await press(page, root.getByRole('button', { name: '检查答案' }));
  const ask = root.getByRole('group', { name: new RegExp(`还有 ${quiz.questions.length - 1} 道题没有作答`) });
  await expect(ask).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(questionBox(root, quiz.questions[1]!).locator('input').first()).toBeFocused();
  // Ask again and confirm with the keyboard: checked and recorded once.
  await press(page, root.getByRole('button', { name: '检查答案' }));
  await press(page, root.getByRole('button', { name: '仍然检查' }));
  await expect(root.locator('.qz-summary')).toBeFocused();
  expect((await saved(page)).quizzes[id].attempts).toBe(1);
  // Missed questions lead to 错题本.
  await expect(root.getByRole('link', { name: /错题本/ })).toHaveAttribute('href', '/mistakes/');
  expect(errors).toEqual([]);
});

test('a passed quiz leads on: 下一课 → with a calm acknowledgement (reduced motion respected); the lesson counts as done', async ({ page }) => {
  const errors = collectErrors(page);
  const { id, page: path, quiz } = simpleQuiz();
  const root = await openQuiz(page, path, id);
  for (const q of quiz.questions) await answerRight(questionBox(root, q), q);
  await press(page, root.getByRole('button', { name: '检查答案' }));
  await expect(root.locator('.qz-summary')).toBeFocused();
  const ack = root.locator('[data-quiz-ack]');
  await expect(ack).toContainText('通过了');
  expect(await ack.evaluate((el) => getComputedStyle(el).animationName)).toBe('qz-ack-in');
  await expect(root.getByRole('button', { name: '再试一次' })).toHaveCount(0);
  await expect(root.getByRole('button', { name: '再做一遍' })).toBeVisible();
  // The main action is the next lesson (a link styled as the primary button, first in the row).
  const next = root.getByRole('link', { name: /^下一课：.+ →$/ });
  await expect(next).toHaveClass(/\bbutton\b/);
  await expect(root.locator('.qz-summary .qz-actions > *').first()).toHaveAttribute('data-quiz-next');
  // Done by the quiz: the completion box says so and offers no 标记为已学完.
  await expect(page.locator('[data-lesson-complete]')).toHaveAttribute('data-done', 'true');
  await expect(page.getByRole('button', { name: '标记为已学完' })).toHaveCount(0);
  const title = (await next.textContent())!.replace(/^下一课：/, '').replace(/ →$/, '');
  await press(page, next);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // Reduced motion: the acknowledgement appears without animation.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(() => localStorage.clear());
  const again = await openQuiz(page, path, id);
  for (const q of quiz.questions) await answerRight(questionBox(again, q), q);
  await press(page, again.getByRole('button', { name: '检查答案' }));
  expect(await again.locator('[data-quiz-ack]').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  expect(errors).toEqual([]);
});

test('marking a lesson done gives way to its undo, by keyboard', async ({ page }) => {
  await page.goto('/learn/understanding/characteristics/');
  await press(page, page.getByRole('button', { name: '标记为已学完' }));
  await expect(page.getByRole('button', { name: '标记为已学完' })).toHaveCount(0);
  const undo = page.getByRole('button', { name: /撤销/ });
  await expect(undo).toBeVisible();
  await press(page, undo);
  await expect(page.getByRole('button', { name: '标记为已学完' })).toBeVisible();
});

test('weak spots clear once answered right in 错题本, retried in place until right (keyboard); axe light and dark', async ({ page }) => {
  const errors = collectErrors(page);
  const { id, page: path, quiz } = simpleQuiz();
  const q = quiz.questions[0]!;
  const root = await openQuiz(page, path, id);
  await answerRight(questionBox(root, q), q, false);
  await press(page, root.getByRole('button', { name: '检查答案' }));
  await press(page, root.getByRole('button', { name: '仍然检查' }));
  await expect(root.locator('.qz-summary')).toBeVisible();

  await page.goto('/progress/');
  const weak = page.locator('[data-weak]').first();
  await expect(weak).toContainText('待巩固');
  await expect(weak).toHaveAttribute('data-consolidated', 'false');
  const weakLesson = (await weak.getAttribute('data-weak'))!;
  await press(page, page.getByRole('link', { name: /打开错题本/ }));
  await expect(page).toHaveURL(/\/mistakes\/$/);
  await expect(page.getByRole('heading', { level: 1, name: '错题本' })).toBeVisible();

  // Every missed question is there, under the lesson that teaches it.
  const wrongIds = Object.keys((await saved(page)).quizzes[id].wrong);
  expect(wrongIds.length).toBe(quiz.questions.length);
  await expect(page.locator('[data-mistake]')).toHaveCount(wrongIds.length);
  const group = page.locator(`[data-mistake-lesson="${weakLesson}"]`);
  await expect(group.getByRole('heading', { level: 2 })).toBeVisible();
  const item = page.locator(`.qz-q[data-question-id="${q.id}"]`).filter({ has: page.locator(`[data-mistake="${id}/${q.id}"]`) });
  await expect(item.getByRole('group').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Wrong again: told so, 再试一次 (focused) brings the question back.
  await answerRight(item, q, false);
  await press(page, item.getByRole('button', { name: '检查这道题' }));
  await expect(item.getByRole('status')).toContainText('还不对');
  const retry = item.getByRole('button', { name: '再试一次' });
  await expect(retry).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(item.locator('input').first()).toBeFocused();
  // Right: 已巩固, saved; the item stays in place.
  await answerRight(item, q, true);
  await press(page, item.getByRole('button', { name: '检查这道题' }));
  await expect(item.getByRole('status')).toContainText('已巩固');
  await expect(item.locator('[data-mistake]')).toHaveAttribute('data-fixed', 'true');
  expect((await saved(page)).quizzes[id].outcomes[q.id].right).toBe(true);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // After a reload the fixed question is folded away under 已巩固的题.
  await page.reload();
  const folded = page.locator('details.mk-fixed').filter({ has: page.locator(`[data-mistake="${id}/${q.id}"]`) });
  await expect(folded.locator('summary')).toContainText('已巩固的题');

  // On /progress/ the weak spot clears once every missed question of its lesson is fixed; this one is.
  await page.goto('/progress/');
  const same = page.locator(`[data-weak="${weakLesson}"]`);
  const stillOpen = (await saved(page)).quizzes[id].outcomes;
  const lessonQuestions = quiz.questions.filter((x) => (x.ref?.split('#')[0] ?? path.replace(/^\/learn\/|\/$/g, '')) === weakLesson);
  const allFixed = lessonQuestions.every((x) => stillOpen[x.id]?.right);
  await expect(same).toHaveAttribute('data-consolidated', String(allFixed));
  if (allFixed) await expect(same).toContainText('已巩固');
  expect(errors).toEqual([]);
});

test('继续学习 leads to the next unfinished lesson once the last one is done', async ({ page }) => {
  await page.goto('/learn/understanding/concept/');
  await expect(page.locator('[data-lesson-complete]')).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: /继续学习：协调的概念与本质/ })).toBeVisible();
  await page.goto('/learn/understanding/concept/');
  await press(page, page.getByRole('button', { name: '标记为已学完' }));
  await expect(page.getByRole('button', { name: /撤销/ })).toBeVisible();
  await page.goto('/');
  const resume = page.getByRole('link', { name: /^继续学习：/ });
  await expect(resume).not.toContainText('协调的概念与本质');
  const title = (await resume.textContent())!.replace(/^继续学习：/, '').replace(/ →$/, '');
  await press(page, resume);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  expect(page.url()).not.toContain('/understanding/concept/');
});

test('progress page: one time format, unattempted quizzes folded; certificate preview before it is earned; axe light and dark', async ({ page }) => {
  await page.goto('/progress/');
  await expect(page.locator('[data-time-left]')).toHaveText(/^预计还需约 \d+ 小时( \d+ 分钟)?（全部课程约 \d+ 小时( \d+ 分钟)?）$/);
  const folded = page.locator('details[data-unattempted]');
  await expect(folded.locator('summary')).toHaveText(/^未作答的练习（\d+ 个）$/);
  await expect(folded.getByRole('link').first()).toBeHidden();
  await press(page, folded.locator('summary'));
  await expect(folded.getByRole('link').first()).toBeVisible();
  await expect(page.locator('table tr[data-quiz-row]')).toHaveCount(0);
  await page.goto('/');
  await expect(page.locator('.facts')).toContainText(/约 \d+ 小时( \d+ 分钟)?/);

  await page.goto('/certificate/');
  const preview = page.getByRole('region', { name: '证书样张' });
  await expect(preview).toContainText('样张');
  await expect(preview).toContainText('（学员姓名）');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of ['/certificate/', '/progress/', '/mistakes/']) {
      await page.goto(url);
      await expect(page.locator('main')).not.toContainText('正在读取');
      expect(await axeViolations(page), `${url} ${scheme}`).toEqual([]);
    }
  }
});

test('错题本 with nothing missed says so', async ({ page }) => {
  await page.goto('/mistakes/');
  await expect(page.locator('[data-mistakes-empty]')).toContainText('目前没有答错的题目');
  await expect(page.getByRole('link', { name: '学习进度' }).last()).toBeVisible();
});
