/**
 * Loads and schema-checks every quiz and scenario YAML file (content/quizzes, content/scenarios)
 * for the command-line tools (item linter, test-wise benchmark). Errors name the file and field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { quizSchema, scenarioSchema, type QuizData, type ScenarioData } from '../../src/lib/quiz/schema.ts';

export const FINAL_QUIZ_ID = 'final-assessment';

export interface Loaded<T> {
  id: string;
  file: string;
  data: T;
}

function loadDir<T>(dir: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, errors: string[]): Loaded<T>[] {
  const out: Loaded<T>[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = join(dir, name);
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'));
    } catch (e) {
      errors.push(`${file}: YAML: ${(e as Error).message}`);
      continue;
    }
    const r = schema.safeParse(raw);
    if (!r.success) {
      for (const i of r.error.issues.slice(0, 10)) errors.push(`${file}: field "${i.path.join('.')}": ${i.message}`);
      continue;
    }
    out.push({ id: name.replace(/\.yaml$/, ''), file, data: r.data });
  }
  return out;
}

export function loadAssessments(root = 'content'): { quizzes: Loaded<QuizData>[]; scenarios: Loaded<ScenarioData>[]; errors: string[] } {
  const errors: string[] = [];
  const quizzes = loadDir(join(root, 'quizzes'), quizSchema, errors);
  const scenarios = loadDir(join(root, 'scenarios'), scenarioSchema, errors);
  return { quizzes, scenarios, errors };
}

/** A quiz is a pool when it has `draw`, or is the course's final assessment. */
export const isPool = (q: Loaded<QuizData>): boolean => Boolean(q.data.draw) || q.id === FINAL_QUIZ_ID;
