import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { collectErrors } from './helpers';
import { axeViolations } from './quality-helpers';

/** A lesson's title from its MDX front matter (content may change; the id will not). */
function lessonTitle(id: string): string {
  const src = readFileSync(`content/lessons/${id}.mdx`, 'utf8');
  return (src.match(/^title:\s*(.+)$/m)?.[1] ?? '').trim().replace(/^['"]|['"]$/g, '');
}

/**
 * Every script the page fetches and every worker it starts (module scripts, island chunks,
 * dynamic imports, the search worker), plus search data (manifest, shards, fragments), in order.
 */
function scriptRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (r.resourceType() === 'script' || /\.m?js$/.test(u.pathname) || /\/search\/data\/.+\.json$/.test(u.pathname)) seen.push(u.pathname);
  });
  page.on('worker', (w) => seen.push(`worker ${new URL(w.url()).pathname}`));
  return seen;
}

/** The module URLs of the page's search island (component and renderer), from its <astro-island>. */
async function searchIslandModules(page: Page): Promise<string[]> {
  const island = page.getByRole('banner').locator('astro-island').filter({ has: page.getByRole('combobox') });
  await expect(island).toHaveCount(1);
  const urls = await island.evaluate((el) => [el.getAttribute('component-url'), el.getAttribute('renderer-url')]);
  expect(urls.every(Boolean)).toBe(true);
  return urls as string[];
}

const headerBox = (page: Page) => page.getByRole('banner').getByRole('combobox', { name: '搜索课程内容' });

test('header box: nothing loads before intent; a Chinese query finds the lesson; Enter opens it', async ({ page }) => {
  const errors = collectErrors(page);
  const requests = scriptRequests(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const island = await searchIslandModules(page);
  // Before the reader shows intent: no search island code, no worker, no index.
  const before = [...requests];
  expect(before.filter((u) => island.includes(u) || u.startsWith('worker ') || u.endsWith('.json')), 'search bytes before intent').toEqual([]);

  const title = lessonTitle('understanding/concept');
  const box = headerBox(page);
  await box.click();
  await box.fill(title);
  const list = page.getByRole('banner').getByRole('listbox');
  await expect(list.getByRole('option').first()).toContainText(title);
  // Used, search loads: the island, a worker and the index, none of it before.
  const after = requests.slice(before.length);
  for (const u of island) expect(after, 'island module loads on intent').toContain(u);
  expect(after.some((u) => u.startsWith('worker ')), 'the search worker starts on use').toBe(true);
  expect(after.some((u) => u.endsWith('/search/data/manifest.json')), 'the index manifest loads on use').toBe(true);
  // Only the shards of the query's tokens, not the whole index.
  const shards = after.filter((u) => /\/search\/data\/s\d+\./.test(u));
  const manifest = JSON.parse(readFileSync('dist/search/data/manifest.json', 'utf8')) as { shards: unknown[] };
  expect(shards.length, 'shards fetched for one query').toBeGreaterThan(0);
  expect(shards.length, 'shards fetched for one query').toBeLessThanOrEqual(Math.min(8, manifest.shards.length - 1));
  await expect(box).toHaveAttribute('aria-expanded', 'true');

  expect(await axeViolations(page, { include: 'header' })).toEqual([]);

  await box.press('ArrowDown');
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await box.press('Enter');
  await expect(page).toHaveURL(/\/learn\/understanding\/concept\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  expect(errors).toEqual([]);
});

test('header box: a query typed before the index arrives is answered; Escape closes; Enter without a choice opens the search page', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/search/data/manifest.json', async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto('/');
  const box = headerBox(page);
  await box.click();
  await box.fill('协调');
  const pop = page.getByRole('banner').getByRole('status');
  await expect(pop).toHaveText('正在载入搜索索引…');
  release();
  const options = page.getByRole('banner').getByRole('option');
  await expect(options.first()).toBeVisible();
  await box.press('Escape');
  await expect(options.first()).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%E5%8D%8F%E8%B0%83$/);
  await expect(page.locator('#search-results > li').first()).toBeVisible();
});

test('shortcut "/" focuses the box, but not while typing in a field; Ctrl+K too', async ({ page }) => {
  await page.goto('/');
  // The header box hydrates on intent (client:intent): nothing is hydrated before the shortcut.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('astro-island:not([ssr])')).toHaveCount(0);
  const box = headerBox(page);
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(page.locator('astro-island:not([ssr])').first()).toBeAttached();
  await expect(box).toHaveValue('');
  await page.keyboard.type('a/b');
  await expect(box).toHaveValue('a/b');

  // The search page keeps the header box (issue 16), but the shortcut goes to the page's own box.
  await page.goto('/search/');
  await expect(page.getByRole('banner').getByRole('combobox')).toHaveCount(1);
  const pageInput = page.getByRole('main').getByRole('searchbox');
  await expect(page.locator('astro-island:not([ssr])').first()).toBeAttached();
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(pageInput).toBeFocused();
  await page.keyboard.type('x/y');
  await expect(pageInput).toHaveValue('x/y');
  await page.locator('h1').click();
  await page.keyboard.press('Control+k');
  await expect(pageInput).toBeFocused();
});

test('IME: text being composed is not searched, even when it would match; the composed text is', async ({ page }) => {
  await page.goto('/');
  const box = headerBox(page);
  const options = page.getByRole('banner').getByRole('option');
  // Warm up: the index is loaded and '协调' has results, so a search of the composing text would show them at once.
  await box.click();
  await box.fill('协调');
  await expect(options.first()).toBeVisible();
  await box.fill('');
  await expect(options).toHaveCount(0);
  await box.evaluate((el: HTMLInputElement) => {
    el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    el.value = '协调';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: '协调', inputType: 'insertCompositionText' }));
  });
  // A negative check needs a window: the warm search answers within a few ms; give it ten times that.
  await page.waitForTimeout(300);
  await expect(options).toHaveCount(0);
  await box.evaluate((el: HTMLInputElement) => {
    el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '协调' }));
  });
  await expect(options.first()).toBeVisible();
});

test('search page: ?q= with a type filter, shareable URL, back button restores the results', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/search/?q=' + encodeURIComponent('协调') + '&type=term');
  const results = page.locator('#search-results > li');
  await expect(results.first()).toBeVisible();
  await expect(page.getByRole('radio', { name: /^术语/ })).toBeChecked();
  const n = await results.count();
  for (let i = 0; i < n; i++) await expect(results.nth(i).locator('.xs-type')).toHaveText('术语');
  // Every result links to the glossary entry first.
  await expect(results.first().getByRole('link').first()).toHaveAttribute('href', /\/glossary\/#term-/);

  // Switch the filter to 案例: URL follows, results are case studies.
  await page.getByRole('radio', { name: /^案例/ }).check();
  await expect(page).toHaveURL(/type=case/);
  await expect(page).toHaveURL(/q=%E5%8D%8F%E8%B0%83/);
  await expect(results.first().locator('.xs-type')).toHaveText('案例');
  const firstTitle = (await results.first().getByRole('link').first().textContent())!.trim();
  await results.first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/learn\/cases\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
  await page.goBack();
  await expect(page).toHaveURL(/type=case/);
  await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue('协调');
  await expect(results.first().getByRole('link').first()).toHaveText(firstTitle);
  expect(errors).toEqual([]);
});

test('search page: results in rank order with marked snippets; arrows move through results', async ({ page }) => {
  const title = lessonTitle('understanding/characteristics');
  await page.goto('/search/?q=' + encodeURIComponent(title));
  const results = page.locator('#search-results > li');
  await expect(results.first().getByRole('link').first()).toHaveText(title);
  await expect(results.first().getByRole('link').first()).toHaveAttribute('href', /\/learn\/understanding\/characteristics\//);
  await expect(page.locator('#search-results mark').first()).toBeVisible();
  const input = page.getByRole('main').getByRole('searchbox');
  await input.focus();
  await input.press('ArrowDown');
  await expect(results.first().getByRole('link').first()).toBeFocused();
  expect(await results.count(), 'the query has a second result to move to').toBeGreaterThan(1);
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(results.first().getByRole('link').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(input).toBeFocused();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect((await axeViolations(page)).map((v) => `${scheme}: ${v}`)).toEqual([]);
  }
});

test('search page: hostile query is shown as text, never executed; no results says so and suggests the glossary', async ({ page }) => {
  const errors = collectErrors(page);
  let dialog = false;
  page.on('dialog', async (d) => {
    dialog = true;
    await d.dismiss();
  });
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>title:~^*+-:';
  await page.goto('/search/?q=' + encodeURIComponent(evil));
  const status = page.getByRole('main').getByRole('status');
  await expect(status).toContainText('没有找到');
  await expect(status).toContainText('<img src=x');
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await page.locator('script').evaluateAll((els) => els.filter((e) => e.textContent?.includes('alert(2)')).length)).toBe(0);
  await expect(page.getByRole('main').getByRole('link', { name: '术语表' })).toBeVisible();
  await page.waitForTimeout(300);
  expect(dialog).toBe(false);
  expect(errors).toEqual([]);
});

test('search page: a hung index request times out with a clear message, and Retry loads it', async ({ page }) => {
  await page.clock.install();
  let hang = true;
  await page.route('**/search/data/manifest.json', async (route) => {
    if (hang) return; // never answered: the request hangs
    await route.continue();
  });
  await page.goto('/search/?q=' + encodeURIComponent('协调'));
  const status = page.getByRole('main').getByRole('status');
  await expect(status).toHaveText(/正在载入/);
  await page.clock.runFor(31_000);
  await expect(status).toHaveText(/超时/);
  hang = false;
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.locator('#search-results > li').first()).toBeVisible();
  await expect(status).toHaveText(/找到 \d+ 条结果/);
});

test('search page: no "none found" and no suggestions between the index being ready and the first answer', async ({ page }) => {
  // Hold the query's shards: the manifest is loaded (ready), the answer is not there yet.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held = 0;
  await page.route(/\/search\/data\/s\d+\.[^/]+\.json$/, async (route) => {
    held++;
    await gate;
    await route.continue();
  });
  await page.goto('/search/?q=' + encodeURIComponent('协调'));
  const status = page.getByRole('main').getByRole('status');
  await expect.poll(() => held, { message: 'the query asked for its shards' }).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  await expect(status).not.toContainText('没有找到');
  await expect(page.getByRole('main').getByRole('link', { name: '术语表' })).toHaveCount(0);
  release();
  await expect(page.locator('#search-results > li').first()).toBeVisible();
  await expect(status).toHaveText(/找到 \d+ 条结果/);
});

test('every anchor the search index links to exists on its page (built output)', () => {
  const dir = 'dist/search/data/';
  const manifest = JSON.parse(readFileSync(dir + 'manifest.json', 'utf8')) as { urls: string[]; frags: [number, string][]; docs: [number, string, string[], number, number][] };
  const frags = manifest.frags.flatMap(([, f]) => (JSON.parse(readFileSync(dir + f, 'utf8')) as { docs: [string, [string, string][]][] }).docs);
  const store = { docs: manifest.docs.map(([t, title, aliases, m, u], i) => [t, title || frags[i]![0], m, manifest.urls[u]!, aliases, frags[i]![1]] as const) };
  const ids = new Map<string, Set<string>>();
  const idsOf = (path: string) => {
    if (!ids.has(path)) {
      const html = readFileSync(`dist${path}index.html`, 'utf8');
      ids.set(path, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'))));
    }
    return ids.get(path)!;
  };
  const missing: string[] = [];
  let checked = 0;
  for (const [, title, , url, , sections] of store.docs) {
    const [path, fragment] = url.split('#') as [string, string | undefined];
    const anchors = [...(fragment ? [decodeURIComponent(fragment)] : []), ...sections.map(([a]) => a).filter(Boolean)];
    for (const a of anchors) {
      checked++;
      if (!idsOf(path).has(a)) missing.push(`${title}: ${path}#${a}`);
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(missing).toEqual([]);
});

test('search page: 10 results first with only their fragments; 显示更多结果 appends 20, focuses the first added and says so', async ({ page }) => {
  const errors = collectErrors(page);
  const frags: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (/\/search\/data\/f\d+\.[^/]+\.json$/.test(p)) frags.push(p);
  });
  await page.goto('/search/?q=' + encodeURIComponent('协调'));
  const results = page.locator('#search-results > li');
  const status = page.getByRole('main').getByRole('status');
  await expect(status).toHaveText(/找到 \d+ 条结果，显示前 10 条/);
  await expect(results).toHaveCount(10);
  const total = Number(/找到 (\d+) 条/.exec((await status.textContent())!)![1]);
  expect(total, 'the broad query has more than 30 results').toBeGreaterThan(30);
  const links = () => results.locator(':scope > h3 > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const firstPage = await links();
  const manifest = JSON.parse(readFileSync('dist/search/data/manifest.json', 'utf8')) as { frags: unknown[] };
  const before = new Set(frags);
  // Fragment files of 10 results at most (a file holds several short documents), not of 50.
  expect(before.size, 'fragment files fetched for the first page').toBeLessThanOrEqual(10);
  expect(before.size).toBeLessThan(manifest.frags.length);

  // Keyboard: Tab from the last result reaches the button; Enter adds results.
  await results.nth(9).locator(':scope > h3 > a').focus();
  await page.keyboard.press('Tab');
  const more = page.getByRole('button', { name: '显示更多结果' });
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(results).toHaveCount(30);
  expect((await links()).slice(0, 10), 'the first page stays as it was').toEqual(firstPage);
  await expect(results.nth(10).locator(':scope > h3 > a')).toBeFocused();
  await expect(status).toHaveText(`又显示了 20 条结果，现在显示前 30 条，共 ${total} 条。`);
  expect(new Set(frags).size, 'the added results fetched their fragments').toBeGreaterThan(before.size);
  // Arrow keys still run through the whole list, the added results included.
  await page.keyboard.press('ArrowUp');
  await expect(results.nth(9).locator(':scope > h3 > a')).toBeFocused();

  // A new query starts again at the first page, with the ordinary count.
  const input = page.getByRole('main').getByRole('searchbox');
  await input.fill('会议');
  await expect(status).toHaveText(/找到 \d+ 条结果/);
  await expect(status).not.toContainText('又显示了');
  // Retrying: the status line can show the new count a moment before the old list is replaced.
  await expect.poll(() => results.count()).toBeLessThanOrEqual(10);
  expect(errors).toEqual([]);
});
