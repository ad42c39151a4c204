import { describe, expect, it } from 'vitest';
import { gzipBytes, importsOf, jsWeight, pageScripts } from '../../scripts/lib/js-weight.mjs';

const files: Record<string, string> = {
  '/_astro/Quiz.abc.js': 'import{h as e}from"./preact.module.x.js";import("./lazy.y.js");export default 1;',
  '/_astro/preact.module.x.js': 'export const h=1;'.repeat(50),
  '/_astro/lazy.y.js': 'export const lazy=2;',
  '/_astro/client.z.js': 'import"./preact.module.x.js";export default 2;',
  '/_astro/site.s.js': 'document.title="x";',
};
const read = (url: string) => files[url] ?? null;

describe('importsOf', () => {
  it('finds static, bare and dynamic imports', () => {
    expect(importsOf(files['/_astro/Quiz.abc.js']!)).toEqual(['./preact.module.x.js', './lazy.y.js']);
    expect(importsOf('import "./a.js";import{b}from\'./b.mjs\'')).toEqual(['./a.js', './b.mjs']);
  });
});

describe('jsWeight', () => {
  it('is zero island code on a page with only the site script', () => {
    const html = '<script type="module">document.body.dataset.x="1"</script><script type="module" src="/_astro/site.s.js"></script>';
    const w = jsWeight(html, read);
    expect(w.island).toBe(0);
    expect(w.islands).toBe(0);
    expect(w.site).toBe(gzipBytes('document.body.dataset.x="1"') + gzipBytes(files['/_astro/site.s.js']!));
  });
  it('counts an island, its renderer and everything they import, each file once', () => {
    const html =
      '<script>(()=>{var e=async t=>{await(await t())()};(self.Astro||(self.Astro={})).visible=e})();</script>' +
      '<astro-island uid="1" component-url="/_astro/Quiz.abc.js" renderer-url="/_astro/client.z.js" ssr client="visible"></astro-island>' +
      '<astro-island uid="2" component-url="/_astro/Quiz.abc.js" renderer-url="/_astro/client.z.js" ssr client="visible"></astro-island>';
    const w = jsWeight(html, read);
    expect(w.islands).toBe(2);
    expect(w.files.sort()).toEqual(['/_astro/Quiz.abc.js', '/_astro/client.z.js', '/_astro/lazy.y.js', '/_astro/preact.module.x.js']);
    const modules = ['/_astro/Quiz.abc.js', '/_astro/client.z.js', '/_astro/lazy.y.js', '/_astro/preact.module.x.js'].reduce((s, f) => s + gzipBytes(files[f]!), 0);
    expect(w.island).toBe(modules + gzipBytes('(()=>{var e=async t=>{await(await t())()};(self.Astro||(self.Astro={})).visible=e})();'));
    expect(w.site).toBe(0);
  });
  it('reports island code loaded only on interaction (client:intent) apart, shared modules with the load-time islands', () => {
    const runtime = '(()=>{customElements.define("astro-island",class extends HTMLElement{})})();';
    const search = `<script>${runtime}</script><astro-island uid="9" component-url="/_astro/client.z.js" renderer-url="/_astro/client.z.js" ssr client="intent"></astro-island>`;
    const alone = jsWeight(search, read);
    expect(alone.island).toBe(0);
    expect(alone.onInteraction).toBe(gzipBytes(files['/_astro/client.z.js']!) + gzipBytes(files['/_astro/preact.module.x.js']!) + gzipBytes(runtime));
    const withQuiz = jsWeight(search + '<astro-island uid="1" component-url="/_astro/Quiz.abc.js" renderer-url="/_astro/client.z.js" ssr client="visible"></astro-island>', read);
    expect(withQuiz.onInteraction).toBe(0); // everything the search box needs already loads for the quiz
    expect(withQuiz.island).toBeGreaterThan(alone.onInteraction);
  });
  it('follows workers started with new Worker(new URL(…)) and counts them with what starts them', () => {
    const worker = 'self.onmessage=()=>{};'.repeat(40);
    const both: Record<string, string> = {
      ...files,
      '/_astro/Box.b.js': 'import"./preact.module.x.js";const w=new Worker(new URL(`/_astro/worker-w.js`,``+import.meta.url),{type:"module"});',
      '/_astro/worker-w.js': worker,
    };
    expect(importsOf(both['/_astro/Box.b.js']!)).toEqual(['./preact.module.x.js', '/_astro/worker-w.js']);
    expect(importsOf('new SharedWorker(new URL("./s.js", import.meta.url))')).toEqual(['./s.js']);
    const w = jsWeight('<astro-island component-url="/_astro/Box.b.js" renderer-url="/_astro/client.z.js" client="intent"></astro-island>', (u) => both[u] ?? null);
    expect(w.files).toContain('/_astro/worker-w.js');
    expect(w.onInteraction).toBeGreaterThanOrEqual(gzipBytes(worker) + gzipBytes(both['/_astro/Box.b.js']!));
  });
  it('reports module files that are missing from the build', () => {
    expect(jsWeight('<script type="module" src="/_astro/gone.js"></script>', read).missing).toEqual(['/_astro/gone.js']);
  });
  it('weighs the offline script (service worker registration) in its own column, not as site code', () => {
    const reg = 'navigator.serviceWorker.register("/sw.js");'.repeat(5);
    const withOffline: Record<string, string> = { ...files, '/_astro/OfflineSupport.astro_astro_type_script_index_0_lang.Ab-1.js': reg };
    const html = '<script type="module" src="/_astro/site.s.js"></script><script type="module" src="/_astro/OfflineSupport.astro_astro_type_script_index_0_lang.Ab-1.js"></script>';
    const w = jsWeight(html, (u) => withOffline[u] ?? null);
    expect(w.offline).toBe(gzipBytes(reg));
    expect(w.site).toBe(gzipBytes(files['/_astro/site.s.js']!));
    expect(w.total).toBe(w.site + w.offline);
    expect(jsWeight('<script type="module" src="/_astro/site.s.js"></script>', read).offline).toBe(0);
    // Inlined by Astro (small scripts are): recognised by what it does.
    const inline = jsWeight(`<script type="module">${reg}</script><script type="module">document.title="x"</script>`, read);
    expect(inline.offline).toBe(gzipBytes(reg));
    expect(inline.site).toBe(gzipBytes('document.title="x"'));
  });
  it('ignores JSON data blocks', () => {
    expect(pageScripts('<script type="application/json">{"a":1}</script>').inline).toEqual([]);
  });
});

describe('checkJsBudget', () => {
  it('fails a page that no row of the table covers, and a row that covers no page', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { checkJsBudget } = await import('../../scripts/lib/js-budget.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'js-budget-'));
    writeFileSync(join(dir, 'index.html'), '<html data-base="/"><body>home</body></html>');
    mkdirSync(join(dir, 'somewhere-new'));
    writeFileSync(join(dir, 'somewhere-new', 'index.html'), '<html data-base="/"><body>new</body></html>');
    const res = checkJsBudget(dir);
    expect(res.failures).toContain('/somewhere-new/: matches no row of the JS budget table (scripts/lib/js-budget.mjs); every page needs exactly one');
    expect(res.failures.some((f) => /row "glossary" matches no built page/.test(f))).toBe(true);
    // The offline row covers every page and is not a page type.
    expect(res.table.map((r) => r['page type'])).toEqual(['home', 'offline: service worker registration (every page)']);
  });
  it('with a service worker, fails a page without its registration script and a script over its budget', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { checkJsBudget, JS_BUDGET } = await import('../../scripts/lib/js-budget.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'js-budget-'));
    mkdirSync(join(dir, '_astro'));
    mkdirSync(join(dir, 'glossary'));
    const script = '/_astro/OfflineSupport.astro_astro_type_script_index_0_lang.X1.js';
    const tag = `<script type="module" src="${script}"></script>`;
    writeFileSync(join(dir, 'index.html'), `<html data-base="/"><body>home${tag}</body></html>`);
    writeFileSync(join(dir, 'glossary', 'index.html'), '<html data-base="/"><body>no registration</body></html>');
    writeFileSync(join(dir, 'sw.js'), '');
    const budget = JS_BUDGET.find((r) => r.everyPage)!.offline!;
    // Random text barely compresses: just over the budget once gzipped.
    const { randomBytes } = await import('node:crypto');
    writeFileSync(join(dir, script.slice(1)), `/*${randomBytes(budget).toString('base64')}*/`);
    const failures = checkJsBudget(dir).failures.filter((f) => f.startsWith('offline:'));
    expect(failures).toEqual([
      `offline: service worker registration (every page): /glossary/ does not load it, but ${dir}/sw.js exists (1 page(s))`,
      expect.stringMatching(/^offline: service worker registration \(every page\) \/: offline JS [\d.]+ KB > budget 1\.5 KB \(1 page\(s\)\)$/),
    ]);
  });
});
