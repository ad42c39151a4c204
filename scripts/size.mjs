#!/usr/bin/env node
// `npm run size`: the JavaScript budget of the quiz islands, measured on the built site.
// Usage: node scripts/size.mjs [outDir=dist]   (run after `astro build`)
//
// For every lesson page with a quiz or scenario: the gzip size (level 9) of the JavaScript the
// page loads for those islands — the island modules, the Preact renderer, Preact itself and every
// module they import statically, plus Astro's inline island bootstrap (<astro-island> runtime and
// the client:visible directive). Fails when any page exceeds the budget (20 KB).
// For every page that places no quiz: proves it loads none of that JavaScript.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 20 * 1024;
const outDir = process.argv[2] ?? 'dist';
if (!existsSync(outDir)) {
  console.error(`size: ${outDir}/ not found; run \`npm run build\` first.`);
  process.exit(2);
}
const QUIZ_ISLAND = /\/(QuizIsland|QuizPoolIsland|ScenarioIsland)\.[\w-]+\.js$/;

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** URL path (with base) → file in outDir. */
function fileOf(url, base) {
  const path = url.startsWith(base) ? url.slice(base.length - 1) : url;
  return join(outDir, path);
}

/** A module and everything it imports statically (dynamic imports are listed, not counted). */
function moduleGraph(entryUrls, base) {
  const seen = new Map(); // url → source
  const dynamic = new Set();
  const visit = (url) => {
    if (seen.has(url)) return;
    const file = fileOf(url, base);
    if (!existsSync(file)) throw new Error(`size: ${url} is referenced but ${file} does not exist`);
    const src = readFileSync(file, 'utf8');
    seen.set(url, src);
    const dir = posix.dirname(url);
    for (const m of src.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      visit(m[1].startsWith('.') ? posix.join(dir, m[1]) : m[1]);
    }
    for (const m of src.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) dynamic.add(m[1].startsWith('.') ? posix.join(dir, m[1]) : m[1]);
  };
  entryUrls.forEach(visit);
  for (const u of seen.keys()) dynamic.delete(u);
  return { modules: seen, dynamic };
}

const pages = walk(outDir).filter((f) => f.endsWith('.html'));
const lessonPage = (f) => /^learn\/[^/]+\/[^/]+\/index\.html$/.test(relative(outDir, f).split('\\').join('/'));
const rows = [];
const plain = [];
let failed = false;

for (const file of pages) {
  const html = readFileSync(file, 'utf8');
  const base = html.match(/<html[^>]*\sdata-base="([^"]*)"/)?.[1] ?? '/';
  const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)].map((m) => ({
    component: m[0].match(/component-url="([^"]+)"/)?.[1],
    renderer: m[0].match(/renderer-url="([^"]+)"/)?.[1],
  }));
  const quizIslands = islands.filter((i) => i.component && QUIZ_ISLAND.test(i.component));
  const page = '/' + relative(outDir, file).split('\\').join('/').replace(/index\.html$/, '');
  if (quizIslands.length === 0) {
    // No quiz here: no quiz island and no module script that pulls one in.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((u) => u.startsWith(base));
    const graph = moduleGraph(scripts, base);
    const leaked = [...graph.modules.keys(), ...graph.dynamic].filter((u) => QUIZ_ISLAND.test(u) || /preact/i.test(u));
    if (leaked.length) {
      failed = true;
      console.error(`✖ ${page} places no quiz but loads quiz JavaScript: ${leaked.join(', ')}`);
    }
    plain.push({ page, lesson: lessonPage(file) });
    continue;
  }
  const entries = [...new Set(quizIslands.flatMap((i) => [i.component, i.renderer].filter(Boolean)))];
  const graph = moduleGraph(entries, base);
  const external = [...graph.modules].map(([url, src]) => ({ url, raw: src.length, gzip: gz(src) }));
  // Astro's inline bootstrap for islands: the <astro-island> element and the client:* directive.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .filter((s) => /astro-island|astro:(visible|idle|load|only|media)|IntersectionObserver/.test(s));
  const inlineGzip = inline.length ? gz(inline.join('\n')) : 0;
  const total = external.reduce((s, m) => s + m.gzip, 0) + inlineGzip;
  rows.push({ page, islands: quizIslands.length, external, inlineGzip, total, dynamic: [...graph.dynamic] });
  if (total > BUDGET) failed = true;
}

rows.sort((a, b) => b.total - a.total);
if (rows.length) {
  const worst = rows[0];
  console.log(`Quiz island JavaScript (gzip -9), budget ${kb(BUDGET)} per page, ${rows.length} pages with quizzes/scenarios.`);
  console.log(`Largest: ${worst.page} (${worst.islands} island${worst.islands > 1 ? 's' : ''})`);
  for (const m of worst.external.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${m.url.padEnd(48)} ${String(m.raw).padStart(7)} B raw ${String(m.gzip).padStart(6)} B gzip`);
  console.log(`  ${'inline island bootstrap (astro-island + client:visible)'.padEnd(48)} ${''.padStart(13)} ${String(worst.inlineGzip).padStart(6)} B gzip`);
  console.log(`  ${'total'.padEnd(48)} ${''.padStart(13)} ${String(worst.total).padStart(6)} B gzip = ${kb(worst.total)}`);
  if (worst.dynamic.length) console.log(`  not counted (dynamic import, loaded only if used): ${worst.dynamic.join(', ')}`);
  const smallest = rows[rows.length - 1];
  console.log(`Smallest: ${smallest.page} ${kb(smallest.total)}`);
  for (const r of rows) if (r.total > BUDGET) console.error(`✖ ${r.page}: ${kb(r.total)} of quiz JavaScript exceeds the ${kb(BUDGET)} budget`);
} else {
  console.log('No page places a quiz or scenario.');
}
const plainLessons = plain.filter((p) => p.lesson).length;
console.log(`Pages without a quiz: ${plain.length} (${plainLessons} lesson pages) load 0 B of quiz JavaScript${failed ? ' — except those listed above' : ''}.`);
if (failed) process.exit(1);
console.log('✔ quiz JavaScript within budget');
