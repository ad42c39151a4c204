import { describe, expect, it } from 'vitest';
import { emptyProgress, type ProgressData, type QuizRecord } from '../../src/lib/progress/schema';
import {
  hasProgress,
  lessonStatus,
  mistakes,
  quizRows,
  resumeTarget,
  scenarioRows,
  summarize,
  weakSpots,
  type CourseIndex,
} from '../../src/lib/progress/summary';
import { certificateDate, certificateEligibility, cleanName } from '../../src/lib/progress/certificate';

/** A small fake course: two modules, four lessons, three quizzes, one scenario. */
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
    {
      id: 'm2',
      title: '单元二',
      number: 2,
      lessons: [
        { id: 'm2/c', title: 'C', minutes: 30, url: '/learn/m2/c/', quizIds: ['m2-c'] },
        { id: 'm2/final', title: 'Final', minutes: 40, url: '/learn/m2/final/', quizIds: ['final'] },
      ],
    },
  ],
  quizzes: [
    { id: 'm1-a', title: 'QA', lessonId: 'm1/a', passingScore: 0.6, maxScore: 3, questions: [{ id: 'q1', lessonId: 'm1/a' }, { id: 'q2', lessonId: 'm1/b', anchor: 'sec-2' }, { id: 'q3', lessonId: 'm1/a' }] },
    { id: 'm2-c', title: 'QC', lessonId: 'm2/c', passingScore: 0.6, maxScore: 2, questions: [{ id: 'x', lessonId: 'm2/c' }, { id: 'y', lessonId: 'm2/c' }] },
    { id: 'final', title: 'Final', lessonId: 'm2/final', passingScore: 0.8, maxScore: 10, questions: Array.from({ length: 10 }, (_, i) => ({ id: `f${i}`, lessonId: 'm1/a' })) },
  ],
  scenarios: [
    {
      id: 'case-s',
      title: 'S',
      lessonId: 'm2/c',
      endings: [
        { id: 'e-good', title: '好', rating: 'good' },
        { id: 'e-bad', title: '坏', rating: 'bad' },
      ],
    },
  ],
  finalQuizId: 'final',
};

const quiz = (over: Partial<QuizRecord> = {}): QuizRecord => ({
  attempts: 1,
  bestScore: 0,
  maxScore: 3,
  lastScore: 0,
  passed: false,
  lastAnswers: {},
  wrong: {},
  updatedAt: 1,
  ...over,
});
const progress = (f: (d: ProgressData) => void): ProgressData => {
  const d = emptyProgress();
  f(d);
  return d;
};

describe('lessonStatus', () => {
  const a = index.modules[0]!.lessons[0]!;
  it('is not started without any record', () => {
    expect(lessonStatus(emptyProgress(), a)).toBe('not-started');
  });
  it('is started after a visit or a failed quiz attempt', () => {
    expect(lessonStatus(progress((d) => (d.lessons['m1/a'] = { status: 'visited', updatedAt: 1 })), a)).toBe('started');
    expect(lessonStatus(progress((d) => (d.quizzes['m1-a'] = quiz())), a)).toBe('started');
  });
  it('is done when marked done or when its quiz is passed', () => {
    expect(lessonStatus(progress((d) => (d.lessons['m1/a'] = { status: 'done', updatedAt: 1 })), a)).toBe('done');
    expect(lessonStatus(progress((d) => (d.quizzes['m1-a'] = quiz({ passed: true, bestScore: 3 }))), a)).toBe('done');
  });
  it('ignores records of other lessons and quizzes', () => {
    expect(lessonStatus(progress((d) => (d.quizzes['m2-c'] = quiz({ passed: true }))), a)).toBe('not-started');
  });
});

describe('summarize', () => {
  it('computes module shares, overall share and minutes left; unknown ids are ignored', () => {
    const d = progress((d) => {
      d.lessons['m1/a'] = { status: 'done', updatedAt: 1 };
      d.lessons['m1/b'] = { status: 'visited', updatedAt: 1 };
      d.quizzes['m2-c'] = quiz({ passed: true, bestScore: 2, maxScore: 2 });
      d.lessons['gone/lesson'] = { status: 'done', updatedAt: 1 };
    });
    const s = summarize(d, index);
    expect(s.modules.map((m) => [m.share.done, m.share.total, m.share.percent])).toEqual([
      [1, 2, 50],
      [1, 2, 50],
    ]);
    expect(s.modules[0]!.started).toBe(1);
    expect(s.overall).toEqual({ done: 2, total: 4, percent: 50 });
    expect(s.minutesTotal).toBe(100);
    expect(s.minutesLeft).toBe(20 + 40);
  });
  it('reports zero progress for empty data', () => {
    const s = summarize(emptyProgress(), index);
    expect(s.overall.percent).toBe(0);
    expect(s.minutesLeft).toBe(s.minutesTotal);
  });
});

describe('quizRows and scenarioRows', () => {
  it('lists every quiz with attempts, best score and pass state', () => {
    const rows = quizRows(progress((d) => (d.quizzes['m1-a'] = quiz({ attempts: 3, bestScore: 2, maxScore: 3 }))), index);
    expect(rows.map((r) => r.id)).toEqual(['m1-a', 'm2-c', 'final']);
    expect(rows[0]).toMatchObject({ attempts: 3, bestScore: 2, maxScore: 3, bestPercent: 67, passed: false, passPercent: 60 });
    expect(rows[1]).toMatchObject({ attempts: 0, bestScore: 0, maxScore: 2 });
    expect(rows[2]!.passPercent).toBe(80);
  });
  it('caps a best score above the maximum (hand-edited data)', () => {
    const rows = quizRows(progress((d) => (d.quizzes['m1-a'] = quiz({ bestScore: 99, maxScore: 3 }))), index);
    expect(rows[0]).toMatchObject({ bestScore: 3, bestPercent: 100 });
  });
  it('lists scenario endings reached, ignoring unknown ending ids', () => {
    const d = progress((d) => {
      d.scenarios['case-s'] = { plays: 2, bestScore: 3, maxScore: 5, paths: [], endings: ['e-bad', 'nope'], updatedAt: 1 };
    });
    expect(scenarioRows(d, index)[0]).toMatchObject({ plays: 2, total: 2, reached: [{ id: 'e-bad' }] });
  });
});

describe('weakSpots', () => {
  it('ranks lessons by wrong answers to the questions they teach', () => {
    const d = progress((d) => {
      d.quizzes['m1-a'] = quiz({ wrong: { q1: 1, q2: 3, q3: 1 } });
      d.quizzes['m2-c'] = quiz({ wrong: { x: 1 } });
      d.quizzes['final'] = quiz({ wrong: { f1: 1, f2: 2, unknown: 50 } });
    });
    const w = weakSpots(d, index);
    expect(w.map((x) => [x.lessonId, x.wrong, x.questions])).toEqual([
      ['m1/a', 5, 4],
      ['m1/b', 3, 1],
      ['m2/c', 1, 1],
    ]);
    expect(w[1]!.anchor).toBe('sec-2');
    expect(weakSpots(d, index, 1)).toHaveLength(1);
  });
  it('is empty when nothing was answered wrong', () => {
    expect(weakSpots(progress((d) => (d.quizzes['m1-a'] = quiz({ wrong: { q1: 0 } }))), index)).toEqual([]);
  });
});

describe('resume', () => {
  const lessons = index.modules.flatMap((m) => m.lessons);
  it('has nothing to resume for a first-time visitor', () => {
    expect(hasProgress(emptyProgress())).toBe(false);
    expect(resumeTarget(emptyProgress(), lessons)).toBeNull();
  });
  it('points at the last lesson and section', () => {
    const d = progress((d) => (d.lastVisit = { lessonId: 'm2/c', section: '要点回顾', at: 5 }));
    expect(hasProgress(d)).toBe(true);
    expect(resumeTarget(d, lessons)).toEqual({ lessonId: 'm2/c', title: 'C', url: `/learn/m2/c/#${encodeURIComponent('要点回顾')}`, section: '要点回顾' });
  });
  it('ignores a lesson that no longer exists (first unfinished lesson instead) and an unsafe section', () => {
    expect(resumeTarget(progress((d) => (d.lastVisit = { lessonId: 'x/y', at: 1 })), lessons)?.lessonId).toBe('m1/a');
    expect(resumeTarget(progress((d) => (d.lastVisit = { lessonId: 'm1/a', section: 'a"><script', at: 1 })), lessons)?.url).toBe('/learn/m1/a/');
  });
});

describe('resume: where the learner should go next (issue 16)', () => {
  const lessons = index.modules.flatMap((m) => m.lessons);
  it('a finished last lesson leads to the next unfinished one, without the old section', () => {
    const d = progress((d) => {
      d.lessons['m1/a'] = { status: 'done', updatedAt: 1 };
      d.lastVisit = { lessonId: 'm1/a', section: '小结', at: 2 };
    });
    expect(resumeTarget(d, lessons)).toEqual({ lessonId: 'm1/b', title: 'B', url: '/learn/m1/b/' });
  });
  it('a lesson done by its passed quiz counts as finished; done lessons after it are skipped', () => {
    const d = progress((d) => {
      d.quizzes['m1-a'] = quiz({ passed: true });
      d.lessons['m1/b'] = { status: 'done', updatedAt: 1 };
      d.lastVisit = { lessonId: 'm1/a', at: 2 };
    });
    expect(resumeTarget(d, lessons)?.lessonId).toBe('m2/c');
  });
  it('wraps round to an unfinished lesson before the last one, and is null once everything is done', () => {
    const d = progress((d) => {
      for (const id of ['m1/b', 'm2/c', 'm2/final']) d.lessons[id] = { status: 'done', updatedAt: 1 };
      d.lastVisit = { lessonId: 'm2/final', at: 2 };
    });
    expect(resumeTarget(d, lessons)?.lessonId).toBe('m1/a');
    d.lessons['m1/a'] = { status: 'done', updatedAt: 3 };
    expect(resumeTarget(d, lessons)).toBeNull();
  });
  it('without quiz ids (older page data) a lesson counts as done only by its mark', () => {
    const d = progress((d) => {
      d.quizzes['m1-a'] = quiz({ passed: true });
      d.lastVisit = { lessonId: 'm1/a', at: 2 };
    });
    expect(resumeTarget(d, lessons.map(({ quizIds: _, ...l }) => l))?.lessonId).toBe('m1/a');
  });
});

describe('weak spots clear once answered right; 错题本 (issue 16)', () => {
  it('a lesson whose missed questions were all answered right since is 已巩固 (open 0) and comes last', () => {
    const d = progress((d) => {
      d.quizzes['m1-a'] = quiz({ wrong: { q1: 3, q2: 1 }, outcomes: { q1: { right: true, at: 5 }, q2: { right: false, at: 5 } } });
      d.quizzes['m2-c'] = quiz({ wrong: { x: 1 }, maxScore: 2 });
    });
    const w = weakSpots(d, index);
    expect(w.map((x) => [x.lessonId, x.open])).toEqual([
      ['m1/b', 1],
      ['m2/c', 1],
      ['m1/a', 0],
    ]);
    expect(w[2]!.anchor).toBeUndefined();
  });
  it('lists every question ever missed, grouped by the lesson that teaches it, in course order', () => {
    const d = progress((d) => {
      d.quizzes['final'] = quiz({ wrong: { f3: 1 }, maxScore: 10 });
      d.quizzes['m2-c'] = quiz({ wrong: { y: 2, x: 0 } });
      d.quizzes['m1-a'] = quiz({ wrong: { q1: 1 }, outcomes: { q1: { right: true, at: 9 } } });
    });
    expect(mistakes(d, index)).toEqual([
      {
        lessonId: 'm1/a',
        title: 'A',
        url: '/learn/m1/a/',
        items: [
          { quizId: 'm1-a', questionId: 'q1', wrong: 1, fixed: true },
          { quizId: 'final', questionId: 'f3', wrong: 1, fixed: false },
        ],
      },
      { lessonId: 'm2/c', title: 'C', url: '/learn/m2/c/', items: [{ quizId: 'm2-c', questionId: 'y', wrong: 2, fixed: false }] },
    ]);
    expect(mistakes(emptyProgress(), index)).toEqual([]);
  });
});

describe('certificateEligibility', () => {
  const allDone = (d: ProgressData) => {
    for (const l of index.modules.flatMap((m) => m.lessons)) if (l.id !== 'm2/final') d.lessons[l.id] = { status: 'done', updatedAt: 1 };
  };
  it('lists every lesson and the final assessment as missing at the start', () => {
    const e = certificateEligibility(emptyProgress(), index);
    expect(e.eligible).toBe(false);
    expect(e.missingLessons.map((l) => l.id)).toEqual(['m1/a', 'm1/b', 'm2/c', 'm2/final']);
    expect(e.final).toEqual({ state: 'not-attempted', passPercent: 80 });
    expect(e.finalUrl).toBe('/learn/m2/final/');
  });
  it('refuses when the final is below the passing score', () => {
    const e = certificateEligibility(progress((d) => { allDone(d); d.quizzes['final'] = quiz({ bestScore: 7, maxScore: 10 }); }), index);
    expect(e.eligible).toBe(false);
    expect(e.final).toMatchObject({ state: 'failed', bestPercent: 70, passPercent: 80 });
  });
  it('refuses a "passed" flag without the score (hand-edited import)', () => {
    const e = certificateEligibility(progress((d) => { allDone(d); d.quizzes['final'] = quiz({ bestScore: 5, maxScore: 10, passed: true }); }), index);
    expect(e.eligible).toBe(false);
  });
  it('refuses while a lesson is missing even with the final passed', () => {
    const e = certificateEligibility(
      progress((d) => {
        allDone(d);
        delete d.lessons['m1/b'];
        d.quizzes['final'] = quiz({ bestScore: 8, maxScore: 10, passed: true });
      }),
      index,
    );
    expect(e.eligible).toBe(false);
    expect(e.missingLessons.map((l) => l.id)).toEqual(['m1/b']);
  });
  it('grants it at exactly the passing score with every lesson done', () => {
    const e = certificateEligibility(progress((d) => { allDone(d); d.quizzes['final'] = quiz({ bestScore: 8, maxScore: 10, passed: true }); }), index);
    expect(e.eligible).toBe(true);
    expect(e.final).toMatchObject({ state: 'passed', bestPercent: 80, bestScore: 8, maxScore: 10 });
  });
  it('cleans the printed name and formats the date', () => {
    expect(cleanName('  王\u0000小明 \n ')).toBe('王小明');
    expect(cleanName('x'.repeat(100))).toHaveLength(40);
    expect(certificateDate(new Date(2026, 10, 7))).toBe('2026年11月7日');
  });
});
