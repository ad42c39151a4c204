#!/usr/bin/env node
// `npm test`: every test stage, with the wall-clock and CPU time each took. Stops at the first failure.
// Stages: type check ∥ (unit tests → item linter → content text lint) → production build →
// (JS budgets → internal links → HTML validity and CSP coverage) ∥ (build under a
// sub-path → its links) → search benchmark (alone: it times queries) → SCORM packages → e2e (incl. axe, keyboard, CSP in the browser; then a smoke test of the
// /course/ build) → audit (page weight, Lighthouse).
// `∥`: lanes that run at the same time on the machine's two cores. Only stages that share no output
// run together: the checks of dist/ only read it while the /course/ build writes dist-base/ (and .astro/). The builds do
// not run together (both write .astro/), and the e2e tests and Lighthouse run alone, because they time
// pages. A lane's output is printed as each of its stages ends, so lanes do not interleave.
// `npm test -- audit` runs only the stages whose name contains one of the arguments; an argument
// that names no stage is an error (it would otherwise run nothing and pass), and the stage names are listed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const strip = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];
/** @typedef {[name: string, cmd: string, args: string[], env?: Record<string, string>]} Stage */
/** Steps in order; a step is one stage or lanes (lists of stages) that run at the same time. */
/** @type {(Stage | { lanes: Stage[][] })[]} */
const steps = [
  // The type check beside the unit tests and lints (they only read the sources; astro check writes
  // .astro/ types, which nothing else here reads). Run together on a loaded 2-core machine, a slow unit
  // test once passed Vitest's default 5 s limit: vitest.config.ts gives tests a longer one.
  {
    lanes: [
      [['type check (astro check, strict)', 'astro', ['check']]],
      [
        ['unit tests', 'vitest', ['run']],
        ['item linter (quizzes and scenarios)', 'node', [...strip, 'scripts/lint-items.ts']],
        ['content text lint (content/STYLE.md)', 'node', [...strip, 'scripts/lint-text.ts']],
      ],
    ],
  },
  ['build', 'node', ['scripts/astro-build.mjs']],
  {
    lanes: [
      [
        ['size: JS budgets per page type', 'node', ['scripts/size.mjs', 'dist']],
        ['internal links (base /)', 'node', ['scripts/check-links.mjs', 'dist', '/']],
        ['HTML validity + CSP coverage', 'node', ['scripts/validate-html.mjs', 'dist']],
      ],
      [
        ['build under /course/', 'node', ['scripts/astro-build.mjs'], { SITE_BASE: '/course/', ASTRO_OUT_DIR: './dist-base' }],
        ['internal links (base /course/)', 'node', ['scripts/check-links.mjs', 'dist-base', '/course/']],
      ],
    ],
  },
  // Alone: it times queries, so it does not share the machine with a build.
  ['search benchmark', 'node', ['--expose-gc', ...strip, 'scripts/bench-search.ts', 'dist']],
  // Issue 14: SCORM 1.2 + 2004 packages, both imsmanifest.xml validated (xmllint, ADL schemas); the e2e stage runs them in scorm-again.
  ['SCORM packages (build, manifests validated by xmllint)', 'node', [...strip, 'scripts/package-scorm.mjs']],
  ['e2e: end-to-end (Playwright; root site, /course/ smoke, SCORM runtime)', 'playwright', ['test']],
  ['audit: page weight, Lighthouse', 'node', ['scripts/audit.mjs']],
];
const allStages = steps.flatMap((s) => ('lanes' in s ? s.lanes.flat() : [s]));

const only = process.argv.slice(2);
const unknown = only.filter((o) => !allStages.some(([name]) => name.includes(o)));
if (unknown.length) {
  console.error(`✖ no test stage matches ${unknown.map((o) => `"${o}"`).join(', ')}. Stages (an argument selects those whose name contains it):`);
  for (const [name] of allStages) console.error(`  ${name}`);
  process.exit(2);
}
const selected = (/** @type {Stage} */ [name]) => !only.length || only.some((o) => name.includes(o));

/** CPU seconds (user + system) of this process's finished children, from /proc (Linux; null elsewhere). */
function childCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100; // cutime + cstime, in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return null;
  }
}

/**
 * CPU seconds the whole machine spent busy (all cores, every process), from /proc/stat (Linux; null
 * elsewhere). The stage's own CPU (childCpu) misses processes that are not reaped by their parent:
 * Chromium's renderers, where a browser test spends most of its time (one e2e file: 15.9 s counted,
 * 30.7 s more in renderers). On a machine running nothing else, the machine figure is the stage's.
 */
function machineCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
    return (f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0)) / 100;
  } catch {
    return null;
  }
}

/** @type {[string, number, number | null, number | null, string, number | null][]} name, wall s, CPU s, exit status, lane, machine CPU s */
const times = [];
const t0 = performance.now();
const cpu0 = childCpu();
const machine0 = machineCpu();

/**
 * Runs one stage. Alone (`quiet` false) it inherits the terminal; in a lane its output is kept and
 * printed when it ends. CPU time is that of the children reaped while it ran: exact for a stage that
 * runs alone, shared between lanes that run together (the lane total is exact).
 * @param {Stage} stage
 */
function run([name, cmd, args, env = {}], quiet = false, lane = '') {
  return new Promise((resolve) => {
    const header = `\n▶ ${name}: ${cmd} ${args.join(' ')}`;
    if (!quiet) console.log(header);
    const start = performance.now();
    const cpuStart = childCpu();
    const machineStart = machineCpu();
    const child = spawn(cmd, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env, ...(quiet ? { FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } : {}) } });
    /** @type {Buffer[]} */
    const out = [];
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    child.on('error', (e) => out.push(Buffer.from(`${e.message}\n`)));
    child.on('close', (status, signal) => {
      const secs = (performance.now() - start) / 1000;
      const cpuEnd = childCpu();
      const cpu = cpuStart === null || cpuEnd === null ? null : cpuEnd - cpuStart;
      const machineEnd = machineCpu();
      const machine = machineStart === null || machineEnd === null ? null : machineEnd - machineStart;
      if (quiet) {
        console.log(`${header}   [${lane}, ran alongside the other lane]`);
        process.stdout.write(Buffer.concat(out));
      }
      const code = status ?? (signal ? 128 : 1);
      times.push([name, secs, cpu, code, lane, machine]);
      resolve(code);
    });
  });
}

let failed = /** @type {string | null} */ (null);
for (const step of steps) {
  if ('lanes' in step) {
    const lanes = step.lanes.map((l) => l.filter(selected)).filter((l) => l.length);
    const together = lanes.length > 1;
    await Promise.all(
      lanes.map(async (lane, i) => {
        for (const stage of lane) {
          if (failed) return; // a stage failed (in this or the other lane): start nothing more
          if ((await run(stage, together, together ? `lane ${i + 1}` : '')) !== 0) failed ??= stage[0];
        }
      }),
    );
  } else if (selected(step) && !failed) {
    if ((await run(step)) !== 0) failed = step[0];
  }
  if (failed) break;
}
report();
if (failed) {
  console.error(`\n✖ stage "${failed}" failed (exit ${times.find(([n]) => n === failed)?.[3]}).`);
  process.exit(1);
}

function report() {
  const cpu1 = childCpu();
  const machine1 = machineCpu();
  console.log("\nStage times (wall clock; CPU = user + system of the stage's processes, less noisy on a shared machine, but");
  console.log("without Chromium's renderers; machine = busy CPU of the whole machine meanwhile, renderers and any other load included):");
  const order = (/** @type {string} */ n) => allStages.findIndex(([name]) => name === n);
  const num = (/** @type {number | null} */ v) => (v === null ? '   —' : v.toFixed(1).padStart(6));
  for (const [name, secs, cpu, status, lane, machine] of [...times].sort((a, b) => order(a[0]) - order(b[0]))) {
    console.log(`  ${status === 0 ? '✔' : '✖'} ${name.padEnd(60)} ${secs.toFixed(1).padStart(7)} s  CPU ${num(cpu)} s  machine ${num(machine)} s${lane ? `  (${lane})` : ''}`);
  }
  const total = cpu0 === null || cpu1 === null ? '' : `, CPU ${(cpu1 - cpu0).toFixed(1)} s`;
  const machine = machine0 === null || machine1 === null ? '' : `, machine ${(machine1 - machine0).toFixed(1)} s`;
  console.log(`  total ${((performance.now() - t0) / 1000).toFixed(1)} s${total}${machine}`);
}
