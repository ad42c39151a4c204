/**
 * `npm run lint:items`: the item linter over every quiz and scenario (src/lib/quiz/lint.ts).
 * Prints the per-course table (each rule: value vs limit, pass/fail, waivers; each quiz: items,
 * kinds, % apply/analyze, waivers) and exits non-zero when a rule fails or a file is malformed.
 * Usage: node --experimental-strip-types scripts/lint-items.ts [contentDir]
 */
import { formatReport, lintCourse } from '../src/lib/quiz/lint.ts';
import { isPool, loadAssessments } from './lib/load-assessments.ts';

const { quizzes, scenarios, errors } = loadAssessments(process.argv[2] ?? 'content');
if (errors.length) {
  console.error('Malformed assessment files (fix these first):');
  for (const e of errors) console.error(`  ${e}`);
}
const report = lintCourse({
  quizzes: quizzes.map((q) => ({ id: q.id, final: isPool(q), questions: q.data.questions })),
  scenarios: scenarios.map((s) => ({ id: s.id, nodes: s.data.nodes })),
});
console.log(formatReport(report));
process.exit(report.ok && !errors.length ? 0 : 1);
