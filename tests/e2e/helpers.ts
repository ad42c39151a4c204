import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';

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
