import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Every page of the built site, as URL paths ("/", "/learn/x/y/"), read from dist/. */
export function builtPages(outDir = 'dist'): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(outDir, f))
    .filter((f) => f.endsWith('index.html'))
    .map((f) => '/' + relative(outDir, f).replace(/index\.html$/, ''))
    .sort();
}

/** Ids of the course modules (content/modules/*.yaml), in file order. */
export function moduleIds(): string[] {
  return readdirSync('content/modules')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));
}

/** Titles of the modules, read from their YAML files. */
export function moduleTitles(): string[] {
  return moduleIds().map((id) => {
    const m = readFileSync(`content/modules/${id}.yaml`, 'utf8').match(/^title:\s*(.+)$/m);
    return (m?.[1] ?? '').trim().replace(/^['"]|['"]$/g, '');
  });
}

/** Collects console errors, page errors and CSP violations on a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/**
 * Checks a quiz the way a learner who answered only part of it would (issue 16: checking with
 * unanswered questions asks first, and a blank attempt is neither checked nor recorded): answers the
 * first choice question with its first option unless `answered`, presses 检查答案 and confirms
 * 仍然检查 when asked. Resolves once the result summary shows.
 */
export async function checkQuiz(root: import('@playwright/test').Locator, answered = false): Promise<void> {
  const { expect } = await import('@playwright/test');
  if (!answered) await root.locator('.qz-q input[type=radio], .qz-q input[type=checkbox]').first().check();
  await root.getByRole('button', { name: '检查答案' }).click();
  const go = root.getByRole('button', { name: '仍然检查' });
  const summary = root.locator('.qz-summary');
  await expect(summary.or(go)).toBeVisible();
  if (await go.isVisible()) await go.click();
  await expect(summary).toBeVisible();
}

/**
 * Waits until the first island in `scope` has hydrated (Astro drops its `ssr` attribute). Until then
 * the server-rendered controls are visible but do nothing: a key pressed on them is lost.
 */
export async function hydrated(scope: Locator): Promise<void> {
  const island = scope.locator('astro-island').first();
  await expect(island).toBeAttached();
  await expect(island).not.toHaveAttribute('ssr', /.*/);
}
