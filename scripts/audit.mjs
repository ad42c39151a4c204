#!/usr/bin/env node
// `npm run audit`: performance budgets of the built site (dist/). Prints a table, exits 1 on a miss.
//  1. JavaScript shipped per page type, gzip, split into island code and the tiny site script.
//     Every lesson without a quiz must ship 0 B of island code.
//  2. HTML + CSS bytes of the largest lesson page.
//  3. Lighthouse (mobile defaults: emulated phone, simulated slow 4G and 4× CPU) on 3–5
//     representative pages served by `astro preview`: performance ≥ 0.95, accessibility,
//     best practices and SEO = 1.
// Options: --no-lighthouse (sizes only), AUDIT_PORT (default E2E_PORT or 4329), CHROMIUM_PATH.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipBytes, jsWeight } from './lib/js-weight.mjs';

const OUT = (process.env.ASTRO_OUT_DIR ?? 'dist').replace(/^\.\//, '');
const PORT = Number(process.env.AUDIT_PORT ?? process.env.E2E_PORT ?? 4329);
const withLighthouse = !process.argv.includes('--no-lighthouse');
const KB = 1024;

/** Budgets. Island budgets come from the feature issues (quiz: 20 KB incl. Preact; search: 15 KB + Preact and lunr). */
const BUDGET = {
  siteScript: 8 * KB, // gzip, non-island scripts on any page: theme toggle, mobile menu, tooltips, progress marks
  onInteraction: 30 * KB, // gzip, island code fetched only when the reader acts (the header search box)
  // Case lessons carry two islands, the quiz (itself within the quiz issue's 20 KB) and the branching
  // scenario, which share Preact and the island runtime; their budget is the sum minus that share.
  island: { home: 15 * KB, 'lesson (no quiz)': 0, 'module page': 0, 'lesson (quiz)': 20 * KB, 'case lesson (quiz + scenario)': 24 * KB, search: 30 * KB, glossary: 15 * KB },
  lessonHtmlCss: 60 * KB, // gzip, HTML + all its stylesheets, largest lesson page
  lighthouse: { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 },
};

if (!existsSync(join(OUT, 'index.html'))) {
  console.error(`✖ ${OUT}/index.html missing: run \`npm run build\` first.`);
  process.exit(1);
}

/** @param {string} dir @returns {string[]} */
const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const pages = walk(OUT)
  .filter((f) => f.endsWith('index.html'))
  .map((f) => ({ file: f, path: '/' + relative(OUT, f).replace(/index\.html$/, ''), html: readFileSync(f, 'utf8') }));
/** The site's base path, from the home page's icon link (e.g. "/" or "/course/"). */
const base = /data-base="([^"]*)"/.exec(pages.find((p) => p.path === '/')?.html ?? '')?.[1] ?? '/';
/** @param {string} url */
const readAsset = (url) => {
  const rel = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
  const f = join(OUT, rel.split('?')[0] ?? '');
  return existsSync(f) && statSync(f).isFile() ? readFileSync(f, 'utf8') : null;
};

const isLesson = (/** @type {{path: string}} */ p) => /^\/learn\/[^/]+\/[^/]+\/$/.test(p.path);
/** A quiz or a scenario (both are placed with data-quiz-id); any other lesson must ship no island code. */
const hasQuiz = (/** @type {{html: string}} */ p) => /\sdata-quiz-id="/.test(p.html);
const lessons = pages.filter(isLesson);
const hasScenario = (/** @type {{html: string}} */ p) => /\sdata-quiz-kind="scenario"/.test(p.html);
const withQuiz = lessons.filter((p) => hasQuiz(p) && !hasScenario(p));
const withScenario = lessons.filter(hasScenario);
const withoutQuiz = lessons.filter((p) => !hasQuiz(p));

const failures = [];
const fmt = (/** @type {number} */ b) => (b === 0 ? '0 B' : b < KB ? `${b} B` : `${(b / KB).toFixed(1)} KB`);

// 1. JavaScript per page type. For a type with several pages, the heaviest page counts.
/** @type {[string, typeof pages][]} */
const types = [
  ['home', pages.filter((p) => p.path === '/')],
  ['lesson (no quiz)', withoutQuiz],
  // Same layout as a lesson, never an exercise: holds the 0-byte line even when every lesson has a quiz.
  ['module page', pages.filter((p) => /^\/learn\/[^/]+\/$/.test(p.path))],
  ['lesson (quiz)', withQuiz],
  ['case lesson (quiz + scenario)', withScenario],
  ['search', pages.filter((p) => p.path === '/search/')],
  ['glossary', pages.filter((p) => p.path === '/glossary/')],
];
const jsRows = [];
for (const [type, list] of types) {
  if (list.length === 0) {
    jsRows.push({ 'page type': type, pages: 0, 'island JS': '—', 'on interaction': '—', 'site JS': '—', islands: '—', budget: '—', ok: 'n/a' });
    continue;
  }
  const weights = list.map((p) => ({ p, w: jsWeight(p.html, readAsset) }));
  const worst = weights.reduce((a, b) => (b.w.island + b.w.site > a.w.island + a.w.site ? b : a));
  const islandBudget = BUDGET.island[/** @type {keyof typeof BUDGET.island} */ (type)];
  const overIsland = weights.filter(({ w }) => w.island > islandBudget);
  const overSite = weights.filter(({ w }) => w.site > BUDGET.siteScript);
  const overLater = weights.filter(({ w }) => w.onInteraction > BUDGET.onInteraction);
  for (const { p, w } of overLater) failures.push(`${type} ${p.path}: on-interaction island JS ${fmt(w.onInteraction)} > budget ${fmt(BUDGET.onInteraction)}`);
  const missing = weights.flatMap(({ p, w }) => w.missing.map((m) => `${p.path}: script ${m} is not in ${OUT}`));
  for (const { p, w } of overIsland) failures.push(`${type} ${p.path}: island JS ${fmt(w.island)} > budget ${fmt(islandBudget)} (${w.islands} island(s))`);
  for (const { p, w } of overSite) failures.push(`${type} ${p.path}: site script ${fmt(w.site)} > budget ${fmt(BUDGET.siteScript)}`);
  failures.push(...missing);
  jsRows.push({
    'page type': type,
    pages: list.length,
    'island JS': fmt(worst.w.island),
    'on interaction': fmt(worst.w.onInteraction),
    'site JS': fmt(worst.w.site),
    islands: worst.w.islands,
    budget: `${fmt(islandBudget)} / ${fmt(BUDGET.onInteraction)} / ${fmt(BUDGET.siteScript)}`,
    ok: overIsland.length || overSite.length || overLater.length || missing.length ? '✖' : '✔',
  });
}
console.log('\nJavaScript per page type (gzip, heaviest page of each type). island JS = Astro islands fetched with the page,');
console.log('incl. the island runtime and Preact; on interaction = islands that load when the reader acts (client:intent); site JS = other scripts.');
console.table(jsRows);

// 2. HTML + CSS of the largest lesson page.
const cssOf = (/** @type {string} */ html) => [...html.matchAll(/<link\s+rel="stylesheet"\s+href="([^"]+)"/g)].map((m) => readAsset(m[1] ?? '') ?? '');
const lessonSizes = lessons.map((p) => {
  const css = cssOf(p.html);
  return {
    path: p.path,
    raw: Buffer.byteLength(p.html) + css.reduce((s, c) => s + Buffer.byteLength(c), 0),
    gzip: gzipBytes(p.html) + css.reduce((s, c) => s + gzipBytes(c), 0),
  };
});
const largest = lessonSizes.reduce((a, b) => (b.raw > a.raw ? b : a), { path: '—', raw: 0, gzip: 0 });
console.log(`\nLargest lesson page, HTML + CSS: ${largest.path}  ${fmt(largest.raw)} raw, ${fmt(largest.gzip)} gzip (budget ${fmt(BUDGET.lessonHtmlCss)} gzip)`);
if (largest.gzip > BUDGET.lessonHtmlCss) failures.push(`largest lesson ${largest.path}: HTML+CSS ${fmt(largest.gzip)} gzip > ${fmt(BUDGET.lessonHtmlCss)}`);

// 3. Lighthouse.
if (withLighthouse) {
  const pick = [
    '/',
    withoutQuiz[0]?.path,
    withQuiz[0]?.path,
    pages.some((p) => p.path === '/glossary/') ? '/glossary/' : undefined,
    pages.some((p) => p.path === '/search/') ? '/search/' : undefined,
  ].filter((p) => typeof p === 'string');
  const rows = await runLighthouse(pick.map((p) => base.replace(/\/$/, '') + p));
  console.log(`\nLighthouse (mobile, simulated throttling) on http://127.0.0.1:${PORT}:`);
  console.table(rows);
}

if (failures.length) {
  console.error(`\n✖ ${failures.length} budget miss(es):`);
  for (const f of failures) console.error('  ' + f);
  process.exit(1);
}
console.log('\n✔ all budgets met.');

/** @param {string[]} paths */
async function runLighthouse(paths) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chromePath = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
  const server = spawn('node_modules/.bin/astro', ['preview', '--port', String(PORT), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const origin = `http://127.0.0.1:${PORT}`;
  const stop = () => server.exitCode === null && server.kill('SIGTERM');
  process.on('exit', stop);
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${origin}${base}`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 120 || server.exitCode !== null) throw new Error(`astro preview did not start on port ${PORT}:\n${log}`);
      await sleep(250);
    }
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-extensions',
        '--no-first-run',
        '--disable-quic',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    });
    /** @param {string} path */
    const audit = async (path) => {
      const r = await lighthouse(`${origin}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(BUDGET.lighthouse),
      });
      if (!r) throw new Error(`Lighthouse returned nothing for ${path}`);
      return r.lhr;
    };
    const rows = [];
    try {
      for (const path of paths) {
        // One run; a page under the performance budget gets two more and the median counts
        // (Lighthouse's advice for variance: this machine is shared, so CPU time is noisy).
        const runs = [await audit(path)];
        if ((runs[0]?.categories.performance?.score ?? 0) < BUDGET.lighthouse.performance) runs.push(await audit(path), await audit(path));
        const perf = (/** @type {any} */ r) => r.categories.performance?.score ?? 0;
        const lhr = [...runs].sort((a, b) => perf(a) - perf(b))[Math.floor(runs.length / 2)] ?? runs[0];
        const { categories, audits } = /** @type {NonNullable<typeof lhr>} */ (lhr);
        /** @type {Record<string, string | number>} */
        const row = { page: path };
        for (const [cat, min] of Object.entries(BUDGET.lighthouse)) {
          const score = categories[cat]?.score ?? 0;
          row[cat] = score;
          if (score < min) {
            const failed = (categories[cat]?.auditRefs ?? [])
              .filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1)
              .map((r) => `${r.id} (${audits[r.id]?.displayValue ?? audits[r.id]?.score})`);
            failures.push(`Lighthouse ${cat} ${path}: ${score} < ${min}; failing audits: ${failed.join(', ')}`);
          }
        }
        row.runs = runs.length;
        row.LCP = audits['largest-contentful-paint']?.displayValue ?? '';
        row.TBT = audits['total-blocking-time']?.displayValue ?? '';
        row.CLS = audits['cumulative-layout-shift']?.displayValue ?? '';
        rows.push(row);
      }
    } finally {
      chrome.kill();
    }
    return rows;
  } finally {
    stop();
  }
}
