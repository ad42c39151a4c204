/**
 * Content quality checks over the real course in content/: every lesson is complete,
 * every quiz and glossary term is used, case scenarios are deep enough, the coverage
 * checklist points at real lessons, internal links in lessons resolve.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quizSchema, scenarioSchema, type QuizData } from '../../src/lib/quiz/schema';
import { analyzeScenario } from '../../src/lib/quiz/validate';

const root = 'content';
const yamlDir = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ id: f.replace(/\.yaml$/, ''), file: join(root, dir, f), data: parse(readFileSync(join(root, dir, f), 'utf8')) }));

interface Lesson {
  id: string;
  file: string;
  fm: Record<string, unknown>;
  body: string;
}
const lessons: Lesson[] = readdirSync(join(root, 'lessons')).flatMap((m) =>
  readdirSync(join(root, 'lessons', m))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const file = join(root, 'lessons', m, f);
      const src = readFileSync(file, 'utf8');
      const match = src.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
      if (!match) throw new Error(`${file}: no front matter`);
      return { id: `${m}/${f.replace(/\.mdx$/, '')}`, file, fm: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
    }),
);
const modules = yamlDir('modules');
const glossary = yamlDir('glossary');
const quizzes = yamlDir('quizzes').map((q) => ({ ...q, data: quizSchema.parse(q.data) as QuizData }));
const scenarios = yamlDir('scenarios').map((s) => ({ ...s, data: scenarioSchema.parse(s.data) }));
const lessonIds = new Set(lessons.map((l) => l.id));
const usedQuizzes = (l: Lesson) => [...l.body.matchAll(/<Quiz\s+id="([^"]+)"/g)].map((m) => m[1]!);
const usedScenarios = (l: Lesson) => [...l.body.matchAll(/<Scenario\s+id="([^"]+)"/g)].map((m) => m[1]!);

describe('course structure', () => {
  it('has modules, lessons and a glossary of at least 40 terms', () => {
    expect(modules.length).toBeGreaterThanOrEqual(6);
    expect(lessons.length).toBeGreaterThanOrEqual(25);
    expect(glossary.length).toBeGreaterThanOrEqual(40);
  });
  it('every module has at least one lesson', () => {
    for (const m of modules) expect(lessons.some((l) => l.fm.module === m.id), `module ${m.id} has no lesson`).toBe(true);
  });
});

describe.each(lessons.map((l) => [l.id, l] as const))('lesson %s', (_id, l) => {
  it('has objectives, an estimated time and a description', () => {
    expect(Array.isArray(l.fm.objectives) && (l.fm.objectives as unknown[]).length >= 2, `${l.file}: objectives`).toBe(true);
    expect(typeof l.fm.minutes === 'number' && (l.fm.minutes as number) > 0, `${l.file}: minutes`).toBe(true);
    expect(typeof l.fm.description === 'string', `${l.file}: description`).toBe(true);
  });
  it('has a summary, discussion prompts, an instructor note and a quiz', () => {
    expect(l.body, `${l.file}: "## 要点回顾"`).toMatch(/^## 要点回顾\s*$/m);
    expect(l.body, `${l.file}: "## 课堂讨论"`).toMatch(/^## 课堂讨论\s*$/m);
    expect(l.body, `${l.file}: <Discussion>`).toMatch(/<Discussion[\s>]/);
    expect(l.body, `${l.file}: <TeacherNote>`).toMatch(/<TeacherNote[\s>]/);
    expect(usedQuizzes(l).length, `${l.file}: <Quiz id=…/>`).toBeGreaterThanOrEqual(1);
  });
  it('has a worked example or a case and links its key terms', () => {
    if (l.fm.kind !== 'assessment') {
      expect(l.body, `${l.file}: <Example> or <Case>`).toMatch(/<(Example|Case)[\s>]/);
      expect(l.body, `${l.file}: <Term>`).toMatch(/<Term\s+id=/);
    }
  });
  it('places a quiz of at least 3 questions of at least two kinds', () => {
    for (const id of usedQuizzes(l)) {
      const q = quizzes.find((x) => x.id === id);
      expect(q, `${l.file}: quiz "${id}" exists`).toBeTruthy();
      expect(q!.data.questions.length, `${id}: questions`).toBeGreaterThanOrEqual(3);
      expect(new Set(q!.data.questions.map((x) => x.kind)).size, `${id}: kinds`).toBeGreaterThanOrEqual(2);
    }
  });
  it('links only to pages that exist', () => {
    for (const m of l.body.matchAll(/\]\((\/[^)\s#]*)(#[^)\s]*)?\)/g)) {
      const path = m[1]!;
      const lesson = path.match(/^\/learn\/([a-z0-9-]+)\/([a-z0-9-]+)\/$/);
      const moduleLink = path.match(/^\/learn\/([a-z0-9-]+)\/$/);
      const ok =
        (lesson && lessonIds.has(`${lesson[1]}/${lesson[2]}`)) ||
        (moduleLink && modules.some((x) => x.id === moduleLink[1])) ||
        ['/', '/glossary/', '/principles/', '/cases/', '/search/', '/progress/'].includes(path);
      expect(ok, `${l.file}: link ${path}`).toBeTruthy();
    }
  });
  if (l.fm.kind === 'case') {
    it('is a case with a branching scenario of ≥3 decision points and ≥3 endings', () => {
      const ids = usedScenarios(l);
      expect(ids.length, `${l.file}: <Scenario>`).toBeGreaterThanOrEqual(1);
      for (const id of ids) {
        const s = scenarios.find((x) => x.id === id);
        expect(s, `${l.file}: scenario ${id}`).toBeTruthy();
        const a = analyzeScenario(s!.data);
        expect(a.problems, `${id}`).toEqual([]);
        expect(a.bestPath.filter((n) => !s!.data.nodes[n]!.endings).length, `${id}: decision points on best path`).toBeGreaterThanOrEqual(3);
        expect(a.endings.length, `${id}: endings`).toBeGreaterThanOrEqual(3);
      }
    });
  }
});

describe('glossary, quizzes and scenarios', () => {
  it('every glossary term is used by some lesson', () => {
    const used = new Set<string>();
    for (const l of lessons) {
      for (const t of (l.fm.terms as string[] | undefined) ?? []) used.add(t);
      for (const m of l.body.matchAll(/<Term\s+id="([^"]+)"/g)) used.add(m[1]!);
    }
    const unused = glossary.filter((g) => !used.has(g.id)).map((g) => g.id);
    expect(unused).toEqual([]);
  });
  it('every quiz and scenario is placed in some lesson', () => {
    const q = new Set(lessons.flatMap(usedQuizzes));
    const s = new Set(lessons.flatMap(usedScenarios));
    expect(quizzes.filter((x) => !q.has(x.id)).map((x) => x.id)).toEqual([]);
    expect(scenarios.filter((x) => !s.has(x.id)).map((x) => x.id)).toEqual([]);
  });
  it('the final assessment has ≥20 questions covering every module and all five kinds', () => {
    const final = quizzes.find((q) => q.id === 'final-assessment');
    expect(final).toBeTruthy();
    const qs = final!.data.questions;
    expect(qs.length).toBeGreaterThanOrEqual(20);
    expect(new Set(qs.map((q) => q.kind)).size).toBe(5);
    const covered = new Set(qs.map((q) => q.ref?.split('/')[0]));
    for (const m of modules.filter((m) => m.id !== 'assessment')) expect(covered.has(m.id), `final covers ${m.id}`).toBe(true);
    expect(final!.data.passingScore).toBeGreaterThanOrEqual(0.8);
  });
  it('the course as a whole uses every question kind', () => {
    const kinds = new Set(quizzes.flatMap((q) => q.data.questions.map((x) => x.kind)));
    expect([...kinds].sort()).toEqual(['matching', 'multiple', 'ordering', 'single', 'truefalse']);
  });
});

describe('coverage checklist', () => {
  it('content/COVERAGE.md exists and every lesson it lists exists', () => {
    expect(existsSync(join(root, 'COVERAGE.md'))).toBe(true);
    const text = readFileSync(join(root, 'COVERAGE.md'), 'utf8');
    const listed = [...text.matchAll(/`([a-z0-9-]+\/[a-z0-9-]+)`/g)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(40);
    expect(listed.filter((id) => !lessonIds.has(id))).toEqual([]);
  });
});
