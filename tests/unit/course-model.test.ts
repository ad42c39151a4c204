import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assembleCourse, ContentError, type CourseInput } from '../../src/lib/course-model';

/** Plain course data shaped like content collection entries (valid unless a test breaks it). */
function input(): CourseInput {
  const quiz = parse(readFileSync('content/quizzes/understanding-concept.yaml', 'utf8'));
  const scenario = parse(readFileSync('content/scenarios/case-missed-notice.yaml', 'utf8'));
  const lesson = (id: string, order: number, extra: Record<string, unknown> = {}) => ({
    id,
    filePath: `content/lessons/${id}.mdx`,
    data: { module: id.split('/')[0], order, title: id, minutes: 20, terms: [], objectives: [], ...extra },
  });
  return {
    modules: [
      { id: 'm1', filePath: 'content/modules/m1.yaml', data: { order: 1, title: '一' } },
      { id: 'm2', filePath: 'content/modules/m2.yaml', data: { order: 2, title: '二' } },
    ],
    lessons: [lesson('m1/a', 1, { terms: ['t1'] }), lesson('m1/b', 2), lesson('m2/c', 1)],
    terms: [{ id: 't1', filePath: 'content/glossary/t1.yaml', data: { term: '协调', aliases: [], related: ['m2/c'] } }],
    quizzes: [{ id: 'q1', filePath: 'content/quizzes/q1.yaml', data: { ...quiz, lesson: 'm1/a#练一练', questions: quiz.questions.map((q: object) => ({ ...q, ref: undefined })) } }],
    scenarios: [{ id: 's1', filePath: 'content/scenarios/s1.yaml', data: { ...scenario, lesson: 'm2/c' } }],
    anchors: new Map([
      ['m1/a', new Set(['练一练'])],
      ['m1/b', new Set<string>()],
      ['m2/c', new Set<string>()],
    ]),
  } as unknown as CourseInput;
}

/** The ContentError message assembleCourse throws for the broken input. */
function errorOf(change: (d: CourseInput & Record<string, any>) => void): string {
  const d = input();
  change(d as CourseInput & Record<string, any>);
  try {
    assembleCourse(d);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return (e as Error).message;
  }
  throw new Error('no error thrown');
}

describe('assembleCourse', () => {
  it('assembles valid data: modules and lessons in order, term backlinks, totals', () => {
    const c = assembleCourse(input());
    expect(c.modules.map((m) => [m.id, m.number, m.lessons.map((l) => l.id)])).toEqual([
      ['m1', 1, ['m1/a', 'm1/b']],
      ['m2', 2, ['m2/c']],
    ]);
    expect(c.termLessons.get('t1')).toEqual(['m1/a', 'm2/c']);
    expect(c.minutes).toBe(60);
    expect(c.scenarioAnalysis.get('s1')?.bestScore).toBeGreaterThan(0);
  });
  it('names the file and field of every broken cross-reference', () => {
    expect(errorOf((d) => (d.lessons[0].data.module = 'nope'))).toBe('[content] content/lessons/m1/a.mdx: field "module": unknown module "nope"; known modules: m1, m2');
    expect(errorOf((d) => (d.lessons[2].data.module = 'm1'))).toBe('[content] content/lessons/m2/c.mdx: field "module": lesson is in folder "m2" but names module "m1"; put it in content/lessons/m1/');
    expect(errorOf((d) => d.lessons[1].data.terms.push('t9'))).toBe('[content] content/lessons/m1/b.mdx: field "terms": unknown glossary term "t9" (no content/glossary/t9.yaml)');
    expect(errorOf((d) => (d.lessons[1].data.order = 1))).toBe('[content] content/lessons/m1/b.mdx: field "order": order 1 is also used by lesson "m1/a" in module "m1"');
    expect(errorOf((d) => d.terms[0].data.related.push('m9/x'))).toBe('[content] content/glossary/t1.yaml: field "related": unknown lesson "m9/x"');
    expect(errorOf((d) => (d.quizzes[0].data.lesson = 'm9/x'))).toBe('[content] content/quizzes/q1.yaml: field "lesson": unknown lesson "m9/x"');
    expect(errorOf((d) => (d.quizzes[0].data.lesson = 'm1/a#无此节'))).toBe('[content] content/quizzes/q1.yaml: field "lesson": lesson "m1/a" has no heading with anchor "#无此节"; its anchors: 练一练');
    expect(errorOf((d) => (d.quizzes[0].data.questions[1].ref = 'm1/b#x'))).toBe('[content] content/quizzes/q1.yaml: field "questions[1].ref": lesson "m1/b" has no heading with anchor "#x"; its anchors: ');
    expect(errorOf((d) => (d.scenarios[0].data.lesson = 'm2/c#x'))).toMatch(/^\[content\] content\/scenarios\/s1\.yaml: field "lesson": lesson "m2\/c" has no heading with anchor "#x"/);
  });
  it('reports quiz and scenario logic problems with their path', () => {
    const dup = input().quizzes[0]!.data.questions[1]!.id;
    const quiz = errorOf((d) => (d.quizzes[0].data.questions[0].id = dup));
    expect(quiz).toContain(`[content] content/quizzes/q1.yaml: field "questions[1] (id ${dup})": `);
    expect(quiz).toContain(`duplicate question id "${dup}"`);
    const scenario = errorOf((d) => (d.scenarios[0].data.start = 'missing-node'));
    expect(scenario).toMatch(/^\[content\] content\/scenarios\/s1\.yaml: field "start": /);
  });
});
