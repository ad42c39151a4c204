import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCourseIndex } from '../../src/lib/progress/course-index-check';
import { moduleShares } from '../../src/lib/progress/module-shares';
import { emptyProgress } from '../../src/lib/progress/schema';
import type { CourseIndex } from '../../src/lib/progress/summary';
import { growCatalogue } from '../../scripts/lib/scale-catalogue.mjs';

const index: CourseIndex = {
  modules: [
    {
      id: 'm1',
      title: '单元一',
      number: 1,
      lessons: [
        { id: 'm1/a', title: 'A', minutes: 10, url: '/learn/m1/a/', quizIds: ['m1-a'] },
        { id: 'm1/b', title: 'B', minutes: 20, url: '/learn/m1/b/', quizIds: [] },
      ],
    },
    { id: 'm2', title: '单元二', number: 2, lessons: [{ id: 'm2/c', title: 'C', minutes: 5, url: '/learn/m2/c/', quizIds: [] }] },
  ],
  quizzes: [{ id: 'm1-a', title: 'Q', lessonId: 'm1/a', passingScore: 0.8, maxScore: 2, questions: [] }],
  scenarios: [],
};

describe('the shared course index (/course-index.json)', () => {
  it('accepts what the build writes', () => {
    expect(parseCourseIndex(JSON.parse(JSON.stringify(index)))).toEqual(index);
  });
  it.each([
    ['null', null],
    ['an HTML error page read as a string', '<html>'],
    ['no modules', { quizzes: [], scenarios: [] }],
    ['a lesson without its url', { ...index, modules: [{ ...index.modules[0], lessons: [{ id: 'x', title: 'X', minutes: 1, quizIds: [] }] }] }],
    ['a quiz without questions', { ...index, quizzes: [{ id: 'q', passingScore: 1, maxScore: 1 }] }],
  ])('rejects %s with an error instead of breaking a page later', (_, v) => {
    expect(() => parseCourseIndex(v)).toThrow(/course index/);
  });
});

describe('module shares (home unit cards, the outline’s other modules)', () => {
  it('counts lessons done per module, by mark or by a passed quiz', () => {
    const data = emptyProgress();
    data.lessons['m1/b'] = { status: 'done', updatedAt: 1 };
    data.lessons['m2/c'] = { status: 'visited', updatedAt: 1 };
    expect(Object.fromEntries(moduleShares(data, index))).toEqual({ m1: { done: 1, total: 2 }, m2: { done: 0, total: 1 } });
    data.quizzes['m1-a'] = { attempts: 1, bestScore: 2, maxScore: 2, passed: true, lastScore: 2, updatedAt: 1 } as never;
    expect(moduleShares(data, index).get('m1')).toEqual({ done: 2, total: 2 });
  });
});

describe('bench:scale catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scale-cat-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('grows the real course to the requested size with quizzes and scenarios, varied and consistently renamed', () => {
    cpSync('content', dir, { recursive: true });
    expect(growCatalogue(dir, 70)).toBe(70);
    const lessons = readdirSync(join(dir, 'lessons'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(lessons).toHaveLength(70);
    const copy = readFileSync(join(dir, 'lessons/methods-e2/timing.mdx'), 'utf8');
    const orig = readFileSync('content/lessons/methods/timing.mdx', 'utf8');
    expect(copy).not.toBe(orig);
    expect(copy).toMatch(/^module: methods-e2$/m);
    expect(copy).toContain('<Quiz id="methods-e2-timing"');
    expect(readFileSync(join(dir, 'quizzes/methods-e2-timing.yaml'), 'utf8')).toMatch(/^lesson: methods-e2\/timing$/m);
    const scen = readdirSync(join(dir, 'scenarios')).filter((f) => /-e2\.yaml$/.test(f));
    expect(scen.length).toBeGreaterThan(0);
    for (const s of scen) expect(readFileSync(join(dir, 'scenarios', s), 'utf8')).toMatch(/^lesson: cases-e2\//m);
    // Headings stay as they are: question refs point at their anchors.
    const heads = (t: string) => t.split('\n').filter((l) => l.startsWith('#'));
    expect(heads(copy)).toEqual(heads(orig));
    // The course-end pool covers the copied modules (the course model requires a question per module).
    expect(readFileSync(join(dir, 'quizzes/final-assessment.yaml'), 'utf8')).toMatch(/ref: methods-e2\//);
  }, 60_000);
});
