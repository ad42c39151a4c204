import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizSchema } from '../../src/lib/quiz/schema';
import { drawPaper, paperFits, paperQuiz } from '../../src/lib/quiz/draw';
import { buildPoolData, NOSCRIPT_SEED, parsePoolData, poolPath, questionRefs } from '../../src/lib/quiz/pool-data';

const pool = quizSchema.parse(parse(readFileSync('content/quizzes/final-assessment.yaml', 'utf8')));

describe('question pool as JSON (issue 17)', () => {
  it('round-trips through JSON with every question and its lesson link', () => {
    const back = parsePoolData(JSON.parse(JSON.stringify(buildPoolData(pool))));
    expect(back.quiz).toEqual(pool);
    expect(Object.keys(back.refs).length).toBe(pool.questions.filter((q) => q.ref).length);
    for (const q of pool.questions.filter((x) => x.ref)) {
      const [lesson, anchor] = q.ref!.split('#');
      expect(back.refs[q.id]).toBe(`/learn/${lesson}/${anchor ? `#${anchor}` : ''}`);
    }
  });
  it('a section ref links to the section, a lesson ref to the lesson', () => {
    const refs = questionRefs({ questions: [{ ...pool.questions[0]!, id: 'a', ref: 'methods/timing#时机' }, { ...pool.questions[0]!, id: 'b', ref: 'methods/timing' }, { ...pool.questions[0]!, id: 'c', ref: undefined }] });
    expect(refs).toEqual({ a: '/learn/methods/timing/#时机', b: '/learn/methods/timing/' });
  });
  it('refuses a damaged or stale file with a reason', () => {
    const good = JSON.parse(JSON.stringify(buildPoolData(pool)));
    const bad = [
      null,
      [],
      { quiz: good.quiz },
      { ...good, quiz: { ...good.quiz, draw: undefined } },
      { ...good, quiz: { ...good.quiz, questions: [] } },
      { ...good, quiz: { ...good.quiz, questions: [{ id: 'x', kind: 'single' }] } },
      { ...good, refs: { x: 3 } },
    ];
    for (const v of bad) expect(() => parsePoolData(v), JSON.stringify(v)?.slice(0, 60)).toThrow(/quiz pool/);
  });
  it('the no-JavaScript paper is one fixed, valid draw of the pool', () => {
    const ids = drawPaper(pool, NOSCRIPT_SEED).ids;
    expect(paperFits(pool, ids)).toBe(true);
    expect(drawPaper(pool, NOSCRIPT_SEED).ids).toEqual(ids);
    expect(paperQuiz(pool, ids).questions.length).toBe(Math.min(pool.draw!.count, pool.questions.length));
  });
  it('has one file per pool, named by quiz id', () => {
    expect(poolPath('final-assessment')).toBe('/quiz-pools/final-assessment.json');
  });
});
