/**
 * Reads the real quiz and scenario content at test time (nothing hard-coded): which lesson hosts
 * which quiz, which quiz has a question of a given kind, and scenario paths to endings.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';

export type Kind = 'single' | 'multiple' | 'truefalse' | 'ordering' | 'matching';
export interface Q {
  id: string;
  kind: Kind;
  prompt: string;
  ref?: string;
  options?: { text: string; correct?: boolean; feedback: string }[];
  answer?: boolean;
  items?: { text: string; feedback: string }[];
  pairs?: { left: string; right: string; feedback: string }[];
  scoring?: string;
}
export interface QuizFile {
  title: string;
  questions: Q[];
}
export interface ScenarioFile {
  title: string;
  start: string;
  nodes: Record<string, { text?: string; choices?: { text: string; next: string; points: number }[]; ending?: { title: string; rating: string } }>;
}

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
  return parse(readFileSync(`content/scenarios/${id}.yaml`, 'utf8')) as ScenarioFile;
}

/** Every path from start to an ending, as choice indices, with its ending id and score. */
export function scenarioPaths(s: ScenarioFile): { choices: number[]; ending: string; score: number }[] {
  const out: { choices: number[]; ending: string; score: number }[] = [];
  const walk = (node: string, choices: number[], score: number) => {
    const n = s.nodes[node]!;
    if (n.ending) return void out.push({ choices, ending: node, score });
    n.choices!.forEach((c, i) => walk(c.next, [...choices, i], score + c.points));
  };
  walk(s.start, [], 0);
  return out;
}
