/**
 * `npm run bench:testwise`: what a learner who knows nothing of coordination scores by answering
 * from surface cues alone (issue 11). Played against the content data with the real engine
 * (layouts, scoring, scenario state machine), next to a random guesser for reference:
 *  - single: the longest option (ties: the first shown);
 *  - multiple: every option at least as long as the mean option (the "long, qualified" ones);
 *  - judgement: best = the longest response, worst = the shortest;
 *  - true/false: always "错";
 *  - ordering / matching: leave the order as shown / pair each item with the first choice listed;
 *  - scenarios: at each decision point the longest visible choice; score as % of the best score.
 * Quizzes are averaged over 200 shuffled layouts; a pool (`draw`) over 100 seeded draws.
 * Usage: node --experimental-strip-types scripts/testwise.ts [contentDir]
 */
import { initialAnswer, layoutQuiz, scoreQuiz, type Answers, type AnswerValue, type Layout } from '../src/lib/quiz/engine.ts';
import { drawPaper, paperQuiz } from '../src/lib/quiz/draw.ts';
import { textLength } from '../src/lib/quiz/lint.ts';
import { mulberry32 } from '../src/lib/quiz/prng.ts';
import { choose, startScenario, visibleChoices } from '../src/lib/quiz/scenario.ts';
import { analyzeScenario } from '../src/lib/quiz/validate.ts';
import type { Question, QuizData } from '../src/lib/quiz/schema.ts';
import { isPool, loadAssessments } from './lib/load-assessments.ts';

const LAYOUTS = 200;
const DRAWS = 100;

/** Index (authored) of the first of the longest (or shortest) texts in display order. */
function pickByLength(texts: string[], shown: number[], longest: boolean): number {
  let best = shown[0]!;
  for (const i of shown) {
    const d = textLength(texts[i]!) - textLength(texts[best]!);
    if (longest ? d > 0 : d < 0) best = i;
  }
  return best;
}

function testWise(q: Question, layout: Layout): AnswerValue {
  const shown = layout[q.id] ?? [];
  switch (q.kind) {
    case 'single':
      return pickByLength(q.options.map((o) => o.text), shown, true);
    case 'multiple': {
      const lens = q.options.map((o) => textLength(o.text));
      const mean = lens.reduce((a, b) => a + b, 0) / lens.length;
      return shown.filter((i) => lens[i]! >= mean);
    }
    case 'judgement': {
      const texts = q.responses.map((r) => r.text);
      return [pickByLength(texts, shown, true), pickByLength(texts, shown, false)];
    }
    case 'truefalse':
      return false;
    case 'ordering':
      return initialAnswer(q, layout);
    case 'matching':
      return q.pairs.map(() => shown[0] ?? 0);
  }
}

function randomAnswer(q: Question, layout: Layout, rand: () => number): AnswerValue {
  const pick = (n: number) => Math.floor(rand() * n);
  switch (q.kind) {
    case 'single':
      return pick(q.options.length);
    case 'multiple': {
      const a = q.options.flatMap((_, i) => (rand() < 0.5 ? [i] : []));
      return a.length ? a : [pick(q.options.length)];
    }
    case 'judgement':
      return [pick(4), pick(4)];
    case 'truefalse':
      return rand() < 0.5;
    case 'ordering': {
      const a = [...(layout[q.id] ?? [])];
      for (let i = a.length - 1; i > 0; i--) {
        const j = pick(i + 1);
        [a[i], a[j]] = [a[j]!, a[i]!];
      }
      return a;
    }
    case 'matching':
      return q.pairs.map(() => pick(q.pairs.length));
  }
}

/** Mean ratio over layouts for a strategy. */
function play(quiz: QuizData, strategy: 'cue' | 'random', runs = LAYOUTS): number {
  let sum = 0;
  const rand = mulberry32(12345);
  for (let seed = 1; seed <= runs; seed++) {
    const layout = layoutQuiz(quiz, seed);
    const answers: Answers = {};
    for (const q of quiz.questions) answers[q.id] = strategy === 'cue' ? testWise(q, layout) : randomAnswer(q, layout, rand);
    sum += scoreQuiz(quiz, answers).ratio;
  }
  return sum / runs;
}

const { quizzes, scenarios, errors } = loadAssessments(process.argv[2] ?? 'content');
for (const e of errors) console.error(`skipped: ${e}`);
const pc = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);

console.log('Test-wise strategy (surface cues only) vs random guessing; pass marks shown for reference.\n');
console.log(`${'quiz'.padEnd(38)}${'items'.padStart(6)}${'cues'.padStart(7)}${'random'.padStart(8)}${'pass'.padStart(6)}`);
const lessonScores: number[] = [];
for (const q of quizzes) {
  if (isPool(q) && q.data.draw) continue;
  const cue = play(q.data, 'cue');
  lessonScores.push(cue);
  console.log(`${q.id.padEnd(38)}${String(q.data.questions.length).padStart(6)}${pc(cue).padStart(7)}${pc(play(q.data, 'random')).padStart(8)}${pc(q.data.passingScore).padStart(6)}${isPool(q) ? '  (final, fixed paper)' : ''}`);
}
if (lessonScores.length) {
  const passes = quizzes.filter((q) => !(isPool(q) && q.data.draw)).filter((q, i) => lessonScores[i]! >= q.data.passingScore - 1e-9).length;
  console.log(`${'mean of these quizzes'.padEnd(38)}${''.padStart(6)}${pc(lessonScores.reduce((a, b) => a + b, 0) / lessonScores.length).padStart(7)}   (cue strategy reaches the pass mark on ${passes} of ${lessonScores.length})`);
}

for (const q of quizzes.filter((x) => isPool(x) && x.data.draw)) {
  let cue = 0;
  let rnd = 0;
  let passed = 0;
  for (let d = 1; d <= DRAWS; d++) {
    const paper = paperQuiz(q.data, drawPaper(q.data, d * 7919).ids);
    const c = play(paper, 'cue', 5);
    cue += c;
    rnd += play(paper, 'random', 5);
    if (c >= paper.passingScore) passed++;
  }
  console.log(`\nFinal pool ${q.id}: ${q.data.questions.length} questions, ${q.data.draw!.count} per draw; over ${DRAWS} draws the cue strategy scores ${pc(cue / DRAWS).trim()} (random ${pc(rnd / DRAWS).trim()}), pass mark ${pc(q.data.passingScore).trim()}, passes ${passed}/${DRAWS} draws.`);
}

console.log(`\n${'scenario'.padEnd(30)}${'longest'.padStart(9)}${'best'.padStart(6)}${'%best'.padStart(7)}  ending`);
const scen: number[] = [];
for (const s of scenarios) {
  let st = startScenario(s.data);
  while (!st.ended) {
    const node = s.data.nodes[st.node];
    const shown = visibleChoices(node, st.vars);
    if (!shown.length) break;
    const texts = node!.choices!.map((c) => c.text);
    st = choose(s.data, st, pickByLength(texts, shown.map((c) => c.index), true));
  }
  const a = analyzeScenario(s.data);
  const ratio = a.bestScore ? st.score / a.bestScore : 0;
  scen.push(ratio);
  console.log(`${s.id.padEnd(30)}${String(st.score).padStart(9)}${String(a.bestScore).padStart(6)}${pc(ratio).padStart(7)}  ${st.ending ?? st.node}`);
}
if (scen.length) console.log(`${'mean'.padEnd(30)}${''.padStart(15)}${pc(scen.reduce((a, b) => a + b, 0) / scen.length).padStart(7)}`);
