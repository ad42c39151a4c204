#!/usr/bin/env node
// `npm test`: every test stage in order, with the time each took. Stops at the first failure.
// Stages: type check → unit tests → item linter → content text lint → production build → JS budgets → search benchmark →
// internal links → HTML validity and CSP coverage → build under a sub-path + its links →
// e2e (incl. axe, keyboard, CSP in the browser; then a smoke test of the /course/ build) →
// audit (page weight, Lighthouse).
// `npm test -- audit` runs only the stages whose name contains one of the arguments; an argument
// that names no stage is an error (it would otherwise run nothing and pass), and the stage names are listed.
import { spawnSync } from 'node:child_process';

const stages = [
  ['type check (astro check, strict)', 'astro', ['check']],
  ['unit tests', 'vitest', ['run']],
  ['item linter (quizzes and scenarios)', 'node', ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/lint-items.ts']],
  ['content text lint (content/STYLE.md)', 'node', ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/lint-text.ts']],
  ['build', 'astro', ['build']],
  ['size: JS budgets per page type', 'node', ['scripts/size.mjs', 'dist']],
  ['search benchmark', 'node', ['--expose-gc', '--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/bench-search.ts', 'dist']],
  ['internal links (base /)', 'node', ['scripts/check-links.mjs', 'dist', '/']],
  ['HTML validity + CSP coverage', 'node', ['scripts/validate-html.mjs', 'dist']],
  ['build under /course/', 'astro', ['build'], { SITE_BASE: '/course/', ASTRO_OUT_DIR: './dist-base' }],
  ['internal links (base /course/)', 'node', ['scripts/check-links.mjs', 'dist-base', '/course/']],
  ['e2e: end-to-end (Playwright; root site, then /course/ smoke)', 'playwright', ['test']],
  ['audit: page weight, Lighthouse', 'node', ['scripts/audit.mjs']],
];

const only = process.argv.slice(2);
const unknown = only.filter((o) => !stages.some(([name]) => name.includes(o)));
if (unknown.length) {
  console.error(`✖ no test stage matches ${unknown.map((o) => `"${o}"`).join(', ')}. Stages (an argument selects those whose name contains it):`);
  for (const [name] of stages) console.error(`  ${name}`);
  process.exit(2);
}
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
  for (const [name, secs, status] of times) console.log(`  ${status === 0 ? '✔' : '✖'} ${name.padEnd(60)} ${secs.toFixed(1).padStart(7)} s`);
  console.log(`  total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
