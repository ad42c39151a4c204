#!/usr/bin/env node
// HTML gate over a built site: html-validate (rules in .htmlvalidate.json) on every page, plus
// checks no validator makes (scripts/lib/output-checks.mjs): the CSP covers every inline script
// and style, no style="…" or on…= attributes, lang/title/description/canonical present, titles
// unique among indexed pages.
// Usage: node scripts/validate-html.mjs [outDir]      Exit 1 on any problem.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, FileSystemConfigLoader, formatterFactory } from 'html-validate';
import { cspProblems, headProblems, isNoindex, titleOf } from './lib/output-checks.mjs';

/**
 * Every rule turned off in .htmlvalidate.json must say why here (the script fails otherwise).
 * @type {Record<string, string>}
 */
const WHY_OFF = {
  'wcag/h32':
    'H32 (a submit button in every form) is one sufficient technique, not a WCAG requirement. The header search is a ' +
    'single search field in role="search"; Enter submits it (implicit submission) and the search page has its own controls.',
  'void-style':
    'Preact renders void elements self-closed (<input/>), Astro without the slash; both are valid HTML and neither can be changed.',
};

/**
 * Rules and element metadata adjusted (not off) in .htmlvalidate.json, and why.
 * - prefer-native-element excludes "listbox": search suggestions are an ARIA 1.2 combobox whose
 *   popup is a listbox of links/results, which a native <select> cannot express.
 * - <style> as flow content: when a page has an island, Astro renders its island styles
 *   (`<style>astro-island,astro-slot…{display:contents}</style>`, CSP-hashed) in <body> where the
 *   first island appears; every browser applies a <style> in <body>, and we cannot move it.
 */
const outDir = process.argv[2] ?? 'dist';
const config = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8'));
const unexplained = Object.entries(config.rules ?? {}).filter(([r, v]) => v === 'off' && !WHY_OFF[r]).map(([r]) => r);
if (unexplained.length) {
  console.error(`✖ .htmlvalidate.json turns off ${unexplained.join(', ')} without a reason in scripts/validate-html.mjs (WHY_OFF).`);
  process.exit(1);
}

/** @param {string} dir @returns {string[]} */
const walk = (dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((p) => statSync(p).isFile());
const files = walk(outDir).filter((f) => f.endsWith('.html')).sort();
if (files.length === 0) {
  console.error(`✖ no HTML in ${outDir}: build first.`);
  process.exit(1);
}

const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());
const report = await htmlvalidate.validateMultipleFiles(files);
const own = [];
/** @type {Map<string, string>} */
const titles = new Map();
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const rel = relative(outDir, file);
  for (const p of [...cspProblems(html), ...headProblems(html)]) own.push(`${rel}: ${p}`);
  if (!isNoindex(html) && !rel.startsWith('404')) {
    const title = titleOf(html);
    const other = titles.get(title);
    if (other) own.push(`${rel}: title "${title}" is also the title of ${other}`);
    titles.set(title, rel);
  }
}

if (!report.valid) console.error(formatterFactory('text')(report.results));
if (own.length) {
  console.error(`✖ ${own.length} problem(s) in ${outDir}:`);
  for (const p of own.slice(0, 100)) console.error('  ' + p);
}
if (!report.valid || own.length) {
  console.error(`✖ HTML gate failed: ${report.errorCount} html-validate error(s), ${own.length} CSP/head problem(s).`);
  process.exit(1);
}
console.log(`✔ ${files.length} pages: valid HTML (html-validate), CSP covers every inline script and style, no inline style or handler attributes, head complete.`);
console.log(`  rules off: ${Object.keys(WHY_OFF).join(', ')} (reasons in scripts/validate-html.mjs)`);
