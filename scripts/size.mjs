#!/usr/bin/env node
// `npm run size`: the JavaScript budget of every page type, measured on the built site.
// Usage: node scripts/size.mjs [outDir=dist]   (run after `astro build`). Exit 1 on a miss.
// The table and the measurer are shared with `npm run audit`: scripts/lib/js-budget.mjs, scripts/lib/js-weight.mjs.
import { checkJsBudget, printJsBudget } from './lib/js-budget.mjs';

const outDir = (process.argv[2] ?? process.env.ASTRO_OUT_DIR ?? 'dist').replace(/^\.\//, '');
let res;
try {
  res = checkJsBudget(outDir);
} catch (e) {
  console.error(`size: ${/** @type {Error} */ (e).message}`);
  process.exit(2);
}
printJsBudget(res);
if (res.failures.length) {
  console.error(`\n✖ ${res.failures.length} JavaScript budget miss(es):`);
  for (const f of res.failures) console.error('  ' + f);
  process.exit(1);
}
console.log('\n✔ JavaScript within budget on every page type');
