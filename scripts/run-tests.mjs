#!/usr/bin/env node
// `npm test`: every test stage in order, with the time each took. Stops at the first failure.
// Stages: type check → unit tests → content text lint → production build → quiz JS size budget → search benchmark →
// internal links → HTML validity and CSP coverage → build under a sub-path + its links →
// e2e (incl. axe, keyboard, CSP in the browser) → audit (JS budgets, page weight, Lighthouse).
// `npm test -- audit` runs only the stages whose name matches.
import { spawnSync } from 'node:child_process';

const stages = [
  ['type check (astro check, strict)', 'astro', ['check']],
  ['unit tests', 'vitest', ['run']],
  ['content text lint (content/STYLE.md)', 'node', ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/lint-text.ts']],
  ['build', 'astro', ['build']],
  ['quiz JS size budget', 'node', ['scripts/size.mjs', 'dist']],
  ['search benchmark', 'node', ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/bench-search.ts', 'dist']],
  ['internal links (base /)', 'node', ['scripts/check-links.mjs', 'dist', '/']],
  ['HTML validity + CSP coverage', 'node', ['scripts/validate-html.mjs', 'dist']],
  ['build under /course/', 'astro', ['build'], { SITE_BASE: '/course/', ASTRO_OUT_DIR: './dist-base' }],
  ['internal links (base /course/)', 'node', ['scripts/check-links.mjs', 'dist-base', '/course/']],
  ['end-to-end (Playwright)', 'playwright', ['test']],
  ['audit: JS budgets, page weight, Lighthouse', 'node', ['scripts/audit.mjs']],
];

const only = process.argv.slice(2);
const times = [];
const t0 = performance.now();
for (const [name, cmd, args, env = {}] of stages) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const start = performance.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = (performance.now() - start) / 1000;
  times.push([name, secs, res.status]);
  if (res.status !== 0) {
    report();
    console.error(`\n✖ stage "${name}" failed (exit ${res.status ?? res.signal}).`);
    process.exit(1);
  }
}
report();

function report() {
  console.log('\nStage times:');
  for (const [name, secs, status] of times) console.log(`  ${status === 0 ? '✔' : '✖'} ${name.padEnd(34)} ${secs.toFixed(1).padStart(7)} s`);
  console.log(`  total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
