#!/usr/bin/env node
// Validates the course content by running a full build into a throw-away folder, then the item
// linter (scripts/lint-items.ts: item-writing rules over every quiz and scenario).
// Prints only the build errors (file and field named) and the linter table, so authors see what to fix.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'xtzd-check-'));
const res = spawnSync('node', ['scripts/astro-build.mjs'], {
  env: { ...process.env, ASTRO_OUT_DIR: out, FORCE_COLOR: '0', NO_COLOR: '1' },
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
rmSync(out, { recursive: true, force: true });
const text = `${res.stdout}\n${res.stderr}`;
if (res.status === 0) {
  console.log('content OK (build)');
} else {
  const lines = text.split('\n');
  const interesting = lines.filter((l) => /\[content\]|error|Error|Expected|Unexpected|Could not parse|\.mdx|\.yaml/.test(l) && !/MODULE_LEVEL_DIRECTIVE|astro:head-inject|rolldown\.rs|astroPropagatedAssets/.test(l));
  console.error(interesting.slice(0, 60).join('\n') || text.slice(-4000));
}
const lint = spawnSync('node', ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/lint-items.ts'], { stdio: 'inherit' });
process.exit(res.status === 0 && lint.status === 0 ? 0 : 1);
