/**
 * Issue 14: SCORM suspend data (round trip; the whole course done fits SCORM 1.2's 4,096
 * characters, with the real course ids), the CMI values, session time formats and API discovery.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { decodeSuspend, encodeSuspend, SCORM12_SUSPEND_MAX, type SuspendIndex } from '../../src/lib/scorm/suspend';
import { cmiElements, courseResult, parseLocation, sessionTime } from '../../src/lib/scorm/cmi';
import { findApi, lmsSession, type WindowLike } from '../../src/lib/scorm/api';
import { emptyProgress, type ProgressData } from '../../src/lib/progress/schema';
import type { CourseIndex } from '../../src/lib/progress/summary';

/** The real course, read from content/ the way the site orders it (modules by order, lessons by order). */
function realIndex(): { index: SuspendIndex; course: CourseIndex; sections: Record<string, string[]> } {
  const modules = readdirSync('content/modules')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ id: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(`content/modules/${f}`, 'utf8')) as { order: number; title: string }) }))
    .sort((a, b) => a.order - b.order);
  const lessonsOf = (m: string) =>
    readdirSync(`content/lessons/${m}`)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => {
        const src = readFileSync(`content/lessons/${m}/${f}`, 'utf8');
        return { id: `${m}/${f.replace(/\.mdx$/, '')}`, order: Number(/^order:\s*(\d+)/m.exec(src)?.[1] ?? 0), src };
      })
      .sort((a, b) => a.order - b.order);
  const quizzes = readdirSync('content/quizzes')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ id: f.replace(/\.yaml$/, ''), questions: (parse(readFileSync(`content/quizzes/${f}`, 'utf8')) as { questions: { id: string }[] }).questions.map((q) => q.id) }));
  const scenarios = readdirSync('content/scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const s = parse(readFileSync(`content/scenarios/${f}`, 'utf8')) as { nodes: Record<string, { endings?: { id: string }[] }> };
      return { id: f.replace(/\.yaml$/, ''), endings: Object.values(s.nodes).flatMap((n) => (n.endings ?? []).map((e) => e.id)) };
    });
  const sections: Record<string, string[]> = {};
  const course: CourseIndex = {
    modules: modules.map((m, i) => ({
      id: m.id,
      title: m.title,
      number: i + 1,
      lessons: lessonsOf(m.id).map((l) => {
        sections[l.id] = [...l.src.matchAll(/^## (.+)$/gm)].map((x) => x[1]!.trim());
        return { id: l.id, title: l.id, minutes: 10, url: `/learn/${l.id}/`, quizIds: [] };
      }),
    })),
    quizzes: quizzes.map((q) => ({ id: q.id, title: q.id, passingScore: 0.8, maxScore: q.questions.length, questions: q.questions.map((id) => ({ id, lessonId: '' })) })),
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.id, endings: s.endings.map((id) => ({ id, title: id, rating: 'good' as never })) })),
    finalQuizId: 'final-assessment',
  };
  const index: SuspendIndex = {
    lessons: course.modules.flatMap((m) => m.lessons.map((l) => l.id)),
    quizzes,
    scenarios,
  };
  return { index, course, sections };
}

/** Every lesson done, every quiz taken many times with every question missed often, every ending reached. */
function wholeCourseDone(index: SuspendIndex, sections: Record<string, string[]>): ProgressData {
  const d = emptyProgress();
  const at = Date.UTC(2099, 11, 31, 23, 59, 59, 999);
  for (const id of index.lessons) d.lessons[id] = { status: 'done', updatedAt: at };
  for (const q of index.quizzes) {
    d.quizzes[q.id] = {
      attempts: 999,
      bestScore: q.questions.length - 0.33,
      maxScore: q.questions.length,
      lastScore: q.questions.length - 0.67,
      passed: true,
      passedDraw: true,
      lastAnswers: {},
      wrong: Object.fromEntries(q.questions.map((id) => [id, 999])),
      updatedAt: at,
    };
  }
  for (const s of index.scenarios) d.scenarios[s.id] = { plays: 999, bestScore: 99.5, maxScore: 100, paths: [], endings: [...s.endings], updatedAt: at };
  // The longest section title of the course as the bookmark.
  const [lessonId, section] = Object.entries(sections)
    .flatMap(([l, ss]) => ss.map((s) => [l, s] as const))
    .sort((a, b) => b[1].length - a[1].length)[0]!;
  d.lastVisit = { lessonId, section, at };
  return d;
}

describe('suspend data', () => {
  const { index, course, sections } = realIndex();

  it('the real course has its lessons, quizzes and scenarios', () => {
    expect(index.lessons.length).toBeGreaterThanOrEqual(28);
    expect(index.quizzes.find((q) => q.id === 'final-assessment')?.questions.length).toBeGreaterThan(25);
    expect(index.scenarios.length).toBeGreaterThanOrEqual(5);
  });

  it(`the whole course done fits SCORM 1.2's ${SCORM12_SUSPEND_MAX} characters, with the real course ids`, () => {
    const s = encodeSuspend(wholeCourseDone(index, sections), index);
    console.log(`suspend data, whole course done (worst case): ${s.length} characters`);
    expect(s.length).toBeLessThanOrEqual(SCORM12_SUSPEND_MAX);
    expect(courseResult(wholeCourseDone(index, sections), course).suspend.length).toBeLessThanOrEqual(SCORM12_SUSPEND_MAX);
  });

  it('round-trips what the LMS keeps', () => {
    const d = wholeCourseDone(index, sections);
    const back = decodeSuspend(encodeSuspend(d, index), index);
    expect(Object.keys(back.lessons).sort()).toEqual(Object.keys(d.lessons).sort());
    for (const [id, q] of Object.entries(d.quizzes)) {
      const b = back.quizzes[id]!;
      expect([b.attempts, b.bestScore, b.maxScore, b.lastScore, b.passed, b.passedDraw, b.wrong]).toEqual([q.attempts, q.bestScore, q.maxScore, q.lastScore, q.passed, q.passedDraw, q.wrong]);
    }
    for (const [id, s] of Object.entries(d.scenarios)) expect([back.scenarios[id]!.plays, back.scenarios[id]!.bestScore, back.scenarios[id]!.endings]).toEqual([s.plays, s.bestScore, s.endings]);
    expect(back.lastVisit).toMatchObject({ lessonId: d.lastVisit!.lessonId, section: d.lastVisit!.section });
  });

  it('keeps visited apart from done, a quiz failed apart from passed, and the empty document empty', () => {
    const d = emptyProgress();
    d.lessons[index.lessons[3]!] = { status: 'visited', updatedAt: 5 };
    d.quizzes[index.quizzes[0]!.id] = { attempts: 2, bestScore: 1.5, maxScore: 3, lastScore: 0, passed: false, lastAnswers: {}, wrong: {}, updatedAt: 5 };
    const back = decodeSuspend(encodeSuspend(d, index), index);
    expect(back.lessons).toEqual({ [index.lessons[3]!]: { status: 'visited', updatedAt: 5 } });
    expect(back.quizzes[index.quizzes[0]!.id]).toMatchObject({ attempts: 2, bestScore: 1.5, passed: false });
    expect(back.quizzes[index.quizzes[0]!.id]!.passedDraw).toBeUndefined();
    expect(decodeSuspend(encodeSuspend(emptyProgress(), index), index)).toEqual(emptyProgress());
  });

  it('never throws on foreign or damaged data', () => {
    for (const raw of ['', 'x', '{"version":2}', '1~~~~~', '1~zz~2222~0,a,b~9,9,9,9,9~', '1~1~~;;,,,;~;~999.', '2~1~2~~~']) {
      expect(() => decodeSuspend(raw, index)).not.toThrow();
    }
    expect(decodeSuspend('9~1~222~~~', index)).toEqual(emptyProgress());
  });
});

describe('CMI values', () => {
  const { index, course, sections } = realIndex();
  it('1.2: one status; 2004: completion and success apart; the score scaled; the bookmark', () => {
    const d = wholeCourseDone(index, sections);
    const r = courseResult(d, course);
    expect(r.complete).toBe(true);
    expect(r.passed).toBe(true);
    const v12 = Object.fromEntries(cmiElements(r, '1.2'));
    expect(v12['cmi.core.lesson_status']).toBe('passed');
    expect(v12['cmi.core.lesson_location']).toBe(`${d.lastVisit!.lessonId}#${d.lastVisit!.section}`);
    const v04 = Object.fromEntries(cmiElements(r, '2004'));
    expect([v04['cmi.completion_status'], v04['cmi.success_status']]).toEqual(['completed', 'passed']);
    expect(Number(v04['cmi.score.scaled'])).toBeCloseTo(r.scaled!, 4);

    const none = courseResult(emptyProgress(), course);
    expect(Object.fromEntries(cmiElements(none, '1.2'))['cmi.core.lesson_status']).toBe('incomplete');
    expect(Object.fromEntries(cmiElements(none, '2004'))['cmi.success_status']).toBe('unknown');
    expect(cmiElements(none, '2004').some(([k]) => k === 'cmi.score.scaled')).toBe(false);
    expect(parseLocation('a/b#c')).toEqual({ lessonId: 'a/b', section: 'c' });
  });
  it('session time: 1.2 HHHH:MM:SS.SS, 2004 ISO 8601', () => {
    expect(sessionTime(3_723_450, '1.2')).toBe('01:02:03.45');
    expect(sessionTime(3_723_450, '2004')).toBe('PT1H2M3.45S');
    expect(sessionTime(0, '2004')).toBe('PT0H0M0S');
  });
});

describe('API discovery', () => {
  const api12 = { LMSInitialize: () => 'true' };
  it('finds the API on a parent or on the opener of the top window, and skips frames that throw', () => {
    const top: WindowLike = { API: api12 };
    top.parent = top;
    const mid: WindowLike = { parent: top, top };
    const leaf: WindowLike = { parent: mid, top };
    expect(findApi(leaf, '1.2')).toBe(api12);
    expect(findApi(leaf, '2004')).toBeNull();
    const opener: WindowLike = { API_1484_11: { Initialize: () => 'true' } };
    const popupTop: WindowLike = { opener };
    popupTop.parent = popupTop;
    popupTop.top = popupTop;
    expect(findApi({ parent: popupTop, top: popupTop }, '2004')).toBe(opener.API_1484_11);
    const hostile = new Proxy({}, { get: () => { throw new Error('SecurityError'); } }) as WindowLike;
    expect(findApi({ parent: hostile, top: hostile }, '1.2')).toBeNull();
  });
  it('gives up after maxTries parents', () => {
    let w: WindowLike = { API: api12 };
    w.parent = w;
    for (let i = 0; i < 10; i++) w = { parent: w };
    expect(findApi(w, '1.2', 5)).toBeNull();
    expect(findApi(w, '1.2', 20)).toBe(api12);
  });
  it('the session adapter maps the calls and reports errors', () => {
    const log: string[] = [];
    const api = {
      Initialize: () => 'true',
      SetValue: (k: string, v: string) => (log.push(`${k}=${v}`), 'false'),
      GetLastError: () => '405',
      GetErrorString: () => 'Incorrect Data Type',
    };
    const s = lmsSession(api, '2004');
    expect(s.initialize()).toBe(true);
    expect(s.set('cmi.location', 'x')).toBe(false);
    expect(log).toEqual(['cmi.location=x']);
    expect(s.lastError()).toBe('405 Incorrect Data Type');
  });
});
