/**
 * Issue 16, search and reference + comfort (feat/reference): search results open at the match,
 * the header dropdown on phones, the search page's header and example links, the glossary's letters,
 * filter and tap-to-define, font size, 本课目录 current section, time left, bookmarks and notes.
 * Every interactive part by role and by keyboard; axe (light and dark) on the pages changed here.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';
import { axeViolations } from './quality-helpers';

test.setTimeout(120_000);
const LESSON = '/learn/understanding/concept/';
const PROGRESS_KEY = 'xtzd:/:progress';
const headerBox = (page: Page) => page.getByRole('banner').getByRole('combobox', { name: '搜索课程内容' });

/** The search-hit highlight on the page: its text, and whether it is on screen (and inside a quiz). */
const hit = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('search-hit');
    const r = h ? [...h][0] : undefined;
    if (!r) return null;
    const box = r.getBoundingClientRect();
    return {
      text: r.toString(),
      visible: box.top >= 0 && box.bottom <= innerHeight && box.height > 0,
      inQuiz: !!r.startContainer.parentElement?.closest('.quiz'),
    };
  });

async function axe(page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.evaluate((s) => (document.documentElement.dataset.theme = s), scheme);
    expect((await axeViolations(page)).map((v) => `${scheme}: ${v}`)).toEqual([]);
  }
}

test('a lesson result opens at its section with the match highlighted there (keyboard)', async ({ page }) => {
  const errors = collectErrors(page);
  // A phrase from the body of the lesson's third section (not its title).
  await page.goto(LESSON);
  const heads = page.locator('.sec-head > h2');
  const anchor = (await heads.nth(2).getAttribute('id'))!;
  const para = (await page.locator(`.sec-head:has(h2[id="${anchor}"]) ~ p`).first().textContent())!.replace(/\s+/g, '');
  const phrase = para.slice(4, 12);
  await page.goto('/');
  await headerBox(page).click();
  await page.keyboard.type(phrase);
  const first = page.getByRole('banner').getByRole('option').first();
  await expect(first).toContainText(phrase.slice(0, 4));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${LESSON}\\?hl=.+#`));
  await expect.poll(() => hit(page)).toMatchObject({ text: phrase, visible: true });
  expect(errors).toEqual([]);
});

test('a quiz result opens at its question, the match highlighted in the quiz', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('一个字还没写')}&type=quiz`);
  const link = page.locator('#search-results > li h3 a').first();
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/learn\/ability\/four-areas\/\?hl=.*&in=quiz/);
  await expect.poll(() => hit(page)).toMatchObject({ text: '一个字还没写', visible: true, inQuiz: true });
});

test('header dropdown: an empty result says what to try; on a phone, snippets take two lines around the match', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const box = headerBox(page);
  await box.click();
  await box.fill('zzqqxxjj');
  const status = page.getByRole('banner').getByRole('status');
  await expect(status).toContainText('没有找到');
  await expect(status).toContainText('试试更短的关键词');
  await box.fill('协调');
  const snippet = page.getByRole('banner').getByRole('option').nth(1).locator('.xs-snippet');
  await expect(snippet.locator('mark').first()).toBeVisible();
  const geo = await snippet.evaluate((el) => {
    const s = el.getBoundingClientRect();
    const m = el.querySelector('mark')!.getBoundingClientRect();
    return { lines: Math.round(s.height / parseFloat(getComputedStyle(el).lineHeight)), markInside: m.top >= s.top - 1 && m.bottom <= s.bottom + 1 && m.right <= s.right + 1 };
  });
  expect(geo.lines).toBeLessThanOrEqual(2);
  expect(geo.markInside).toBe(true);
});

test('inline lists in search empty states show no bullets', async ({ page }) => {
  await page.goto('/search/?q=zzqqxxjj');
  const list = page.locator('.xs-none ul');
  await expect(list).toBeVisible();
  expect(await list.evaluate((el) => getComputedStyle(el).listStyleType)).toBe('none');
});

test('search page: the header keeps its search box; "/" goes to the page box; example keywords are links', async ({ page }) => {
  await page.goto('/search/');
  await expect(headerBox(page)).toBeVisible();
  const pageBox = page.getByRole('main').getByRole('searchbox');
  await expect(page.locator('astro-island:not([ssr])').first()).toBeAttached();
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(pageBox).toBeFocused();
  const example = page.getByRole('main').getByRole('link', { name: '会议', exact: true });
  await example.focus();
  await page.keyboard.press('Enter');
  await expect(pageBox).toHaveValue('会议');
  await expect(page).toHaveURL(/\?q=%E4%BC%9A%E8%AE%AE$/);
  await expect(page.locator('#search-results > li').first()).toBeVisible();
  await axe(page);
  await page.goto('/search/');
  await expect(page.getByRole('main').getByRole('link', { name: '协调', exact: true })).toBeVisible();
  await axe(page);
});

test('glossary: pinyin letter headings, letter links and a filter box (hanzi, pinyin, initials) by keyboard', async ({ page }) => {
  await page.goto('/glossary/');
  const letters = page.getByRole('navigation', { name: '按拼音首字母跳转' }).getByRole('link');
  const names = await letters.allTextContents();
  expect(names.length).toBeGreaterThan(5);
  expect([...names].sort()).toEqual(names);
  await expect(page.getByRole('heading', { level: 2, name: 'D', exact: true })).toBeVisible();
  await letters.filter({ hasText: /^D$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#letter-D$/);

  const filter = page.getByRole('searchbox', { name: '筛选术语' });
  const entries = page.locator('.entry');
  const all = await entries.count();
  await filter.focus();
  await page.keyboard.type('dsxt');
  await expect(page.locator('.entry:visible')).toHaveCount(1);
  await expect(page.locator('.entry:visible dt')).toHaveText('对上协调');
  await expect(page.getByRole('status').filter({ hasText: '显示 1 条术语' })).toBeAttached();
  await filter.fill('duishang');
  await expect(page.locator('.entry:visible dt')).toHaveText('对上协调');
  await filter.fill('协调');
  expect(await page.locator('.entry:visible').count()).toBeGreaterThan(3);
  await filter.fill('qqqqq');
  await expect(page.locator('.entry:visible')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '没有匹配的术语' })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(page.locator('.entry:visible')).toHaveCount(all);
  await axe(page);
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('a tap on a term opens its definition in place, with a link onward', async ({ page }) => {
    await page.goto(LESSON);
    const term = page.locator('article .term > a').first();
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
    const onward = page.getByRole('link', { name: '在术语表中查看' });
    await expect(onward).toBeVisible();
    await term.tap();
    await expect(onward).toBeHidden();
    await term.tap();
    await onward.tap();
    await expect(page).toHaveURL(/\/glossary\/#term-/);
  });
});

test('font size: three steps, remembered, applied before first paint without layout shift (keyboard)', async ({ page }) => {
  await page.goto('/glossary/');
  const button = page.getByRole('button', { name: /^字号：标准/ });
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const base = await size();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^字号：大/ })).toBeFocused();
  expect(await size()).toBeGreaterThan(base);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^字号：特大/ })).toBeVisible();
  const largest = await size();
  // Applied by the inline script before first paint: no layout shift after load.
  await page.goto(LESSON);
  expect(await size()).toBe(largest);
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => (sum += (e as unknown as { value: number }).value))).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 1000);
      }),
  );
  expect(shift).toBeLessThan(0.01);
  await page.getByRole('button', { name: /^字号：特大/ }).click();
  await expect(page.getByRole('button', { name: /^字号：标准/ })).toBeVisible();
  expect(await size()).toBe(base);
});

test('本课目录 marks the section being read; the time left goes down to the end', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(LESSON);
  const toc = page.getByRole('navigation', { name: '本课目录' });
  const left = toc.locator('[data-time-left]');
  await expect(left).toHaveText(/本课还剩约 \d+ 分钟/);
  const before = Number((await left.textContent())!.match(/\d+/)![0]);
  // The lesson header states the length once at the top (not 约 N 分钟 and 本课还剩约 N 分钟 side by side).
  const meta = page.locator('.lesson-meta');
  await expect(meta).toHaveText(new RegExp(`约 ${before} 分钟`));
  expect((await meta.textContent())!.match(/分钟/g)).toHaveLength(1);
  const third = page.locator('.sec-head > h2').nth(2);
  const id = await third.getAttribute('id');
  await toc.getByRole('link').nth(2).focus();
  await page.keyboard.press('Enter');
  await expect(toc.locator(`a[href="#${id}"]`)).toHaveAttribute('aria-current', 'location');
  await expect(toc.locator('a[aria-current]')).toHaveCount(1);
  // Into the lesson, the header's figure becomes the time left, like the outline's.
  await expect(meta.locator('[data-time-left]')).toHaveText(/本课还剩约 \d+ 分钟/);
  await page.keyboard.press('End');
  await expect(left).toHaveText('已读到本课末尾');
  expect(before).toBeGreaterThan(0);
});

test('bookmarks and notes per section: kept with progress, across reloads; corrupt data never breaks the page', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const errors = collectErrors(page);
  await page.goto(LESSON);
  const heading = (await page.locator('.sec-head > h2').first().textContent())!.trim();
  const mark = page.getByRole('button', { name: `书签：${heading}` });
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  const note = page.getByRole('button', { name: `笔记：${heading}` });
  await note.click();
  await expect(note).toHaveAttribute('aria-expanded', 'true');
  const field = page.getByRole('textbox', { name: new RegExp(`我的笔记（${heading}`) });
  await expect(field).toBeFocused();
  await page.keyboard.type('先问清楚再协调');
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(note).toBeFocused();
  await axe(page);
  await page.reload();
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('navigation', { name: '本课目录' }).locator('a[data-bookmarked]')).toHaveCount(1);
  await note.click();
  await expect(field).toHaveValue('先问清楚再协调');
  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), PROGRESS_KEY);
  expect(saved.version).toBe(2);
  expect(Object.values(saved.marks)).toEqual([expect.objectContaining({ bookmark: true, note: '先问清楚再协调' })]);
  // Corrupt marks: the page still works, the bad entries are dropped.
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PROGRESS_KEY, JSON.stringify({ ...saved, marks: { x: 'junk', y: [1], z: { bookmark: 'no', note: 5 } } })]);
  await page.reload();
  await expect(mark).toHaveAttribute('aria-pressed', 'false');
  await mark.click();
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  await page.evaluate((k) => localStorage.setItem(k, '{not json'), PROGRESS_KEY);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});
