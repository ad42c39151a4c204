/**
 * Reads the real quiz and scenario content at test time (nothing hard-coded): which lesson hosts
 * which quiz, which quiz has a question of a given kind, and scenario paths to endings.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { choose, debriefParagraphs, findEnding, startScenario, visibleChoices, type ScenarioState } from '../../src/lib/quiz/scenario';
import { scenarioSchema, type ScenarioData } from '../../src/lib/quiz/schema';

export type Kind = 'single' | 'multiple' | 'truefalse' | 'ordering' | 'matching' | 'judgement';
export interface Q {
  id: string;
  kind: Kind;
  prompt: string;
  ref?: string;
  options?: { text: string; correct?: boolean; feedback: string }[];
  answer?: boolean;
  items?: { text: string; feedback: string }[];
  pairs?: { left: string; right: string; feedback: string }[];
  responses?: { text: string; rank: 'best' | 'worst' | 'middle'; feedback: string }[];
  scoring?: string;
}
export interface QuizFile {
  title: string;
  questions: Q[];
}
export type ScenarioFile = ScenarioData;

/** Lesson URL path that places <Quiz id> or <Scenario id>, or undefined. */
export function lessonHosting(tag: 'Quiz' | 'Scenario', id: string): string | undefined {
  for (const mod of readdirSync('content/lessons')) {
    for (const f of readdirSync(`content/lessons/${mod}`)) {
      if (!f.endsWith('.mdx')) continue;
      const src = readFileSync(`content/lessons/${mod}/${f}`, 'utf8');
      if (/^draft:\s*true/m.test(src)) continue;
      if (src.includes(`<${tag} id="${id}"`)) return `/learn/${mod}/${f.replace(/\.mdx$/, '')}/`;
    }
  }
  return undefined;
}

export function readQuiz(id: string): QuizFile {
  return parse(readFileSync(`content/quizzes/${id}.yaml`, 'utf8')) as QuizFile;
}

/** All placed quizzes: id, page, data. */
export function placedQuizzes(): { id: string; page: string; quiz: QuizFile }[] {
  return readdirSync('content/quizzes')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort()
    .flatMap((id) => {
      const page = lessonHosting('Quiz', id);
      return page ? [{ id, page, quiz: readQuiz(id) }] : [];
    });
}

/** A placed quiz with a question of this kind (the shortest quiz, to keep tests quick). */
export function findQuestion(kind: Kind, filter: (q: Q) => boolean = () => true): { id: string; page: string; quiz: QuizFile; q: Q } {
  const found = placedQuizzes()
    .sort((a, b) => a.quiz.questions.length - b.quiz.questions.length)
    .flatMap((p) => p.quiz.questions.filter((q) => q.kind === kind && filter(q)).map((q) => ({ ...p, q })));
  if (!found[0]) throw new Error(`no placed quiz has a "${kind}" question`);
  return found[0];
}

export function readScenario(id: string): ScenarioFile {
  return scenarioSchema.parse(parse(readFileSync(`content/scenarios/${id}.yaml`, 'utf8')));
}

export interface Play {
  /** Authored choice indices, in order. */
  choices: number[];
  /** Ending id reached. */
  ending: string;
  score: number;
  /** The final state (variables) and the debrief paragraphs the page must show for it. */
  state: ScenarioState;
  debrief: string[];
}

/** Every complete play from start to an ending, with the real engine (conditions, effects). */
export function scenarioPaths(s: ScenarioFile, max = 5000): Play[] {
  const out: Play[] = [];
  const walk = (st: ScenarioState) => {
    if (out.length >= max) return;
    if (st.ended) {
      const e = findEnding(s, st.ending!)!;
      return void out.push({ choices: st.steps.map((x) => x.choice), ending: e.id, score: st.score, state: st, debrief: debriefParagraphs(e, st.vars) });
    }
    for (const { index } of visibleChoices(s.nodes[st.node], st.vars)) walk(choose(s, st, index));
  };
  walk(startScenario(s));
  return out;
}

/** Two contrasting plays: the best-scoring one and the lowest-scoring one that ends differently. */
export function contrastingPlays(s: ScenarioFile): [Play, Play] {
  const plays = scenarioPaths(s).sort((a, b) => b.score - a.score || a.choices.length - b.choices.length);
  const best = plays[0]!;
  const other = [...plays].reverse().find((p) => p.ending !== best.ending) ?? plays[plays.length - 1]!;
  return [best, other];
}
