import { describe, expect, it } from 'vitest';
import { assembleDeck, balancedPartition, splitLesson, type ContentSlide } from '../../src/lib/classroom/slides';
import { parseLesson } from '../../src/lib/lesson/tree';

const para = (n: number, ch = '字') => `<p>${ch.repeat(n)}</p>`;
const note = (text: string) => `<aside class="teacher-note" data-teacher-note hidden aria-label="教师提示"><p>${text}</p></aside>`;

describe('splitLesson', () => {
  it('starts a slide at every H2 and moves the section holding <Summary> to the end, whatever its heading', () => {
    const html = `<h2 id="a">甲</h2>${para(20)}<h2 id="x">回顾</h2><div data-lesson-summary><ul><li>x</li></ul></div><h2 id="b">乙</h2>${para(20)}<h2 id="c">要点回顾</h2>${para(5)}`;
    const slides = splitLesson(html);
    expect(slides.map((s) => s.title)).toEqual(['甲', '乙', '要点回顾', '回顾']);
    expect((slides[0] as ContentSlide).html).toContain('<h2 id="a">甲</h2>');
  });
  it('forces a slide at <hr data-slide-break> and marks the continuation', () => {
    const html = `<h2 id="a">甲</h2>${para(10)}<hr class="slide-break" data-slide-break hidden>${para(10, '乙')}`;
    const slides = splitLesson(html) as ContentSlide[];
    expect(slides).toHaveLength(2);
    expect(slides[1]!.continued).toBe(true);
    expect(slides[1]!.html).toContain('乙乙');
    expect(slides[1]!.html).not.toContain('id="a"');
    expect(slides[1]!.html).toContain('（续）');
    expect(slides.every((s) => !s.html.includes('data-slide-break'))).toBe(true);
  });
  it('cuts a long section into balanced parts at block boundaries', () => {
    const html = `<h2 id="a">甲</h2>${[1, 2, 3, 4, 5, 6].map((i) => para(150, String(i))).join('')}`;
    const slides = splitLesson(html, { budget: 380 }) as ContentSlide[];
    expect(slides).toHaveLength(3);
    for (const s of slides) expect((s.html.match(/<p>/g) ?? []).length).toBe(2);
    // Nothing lost, nothing repeated.
    expect(slides.map((s) => s.html.replace(/<h2[\s\S]*?<\/h2>/, '').replace(/\n/g, '')).join('')).toBe([1, 2, 3, 4, 5, 6].map((i) => para(150, String(i))).join(''));
  });
  it('never ends a slide with a sub-heading', () => {
    const html = `<h2 id="a">甲</h2>${para(300)}<h3 id="s">小节</h3>${para(300)}`;
    const slides = splitLesson(html, { budget: 380 }) as ContentSlide[];
    expect(slides).toHaveLength(2);
    expect(slides[0]!.html).not.toContain('<h3');
    expect(slides[1]!.html).toContain('<h3 id="s">小节</h3>');
  });
  it('removes instructor notes from the audience HTML and attaches them to their slide', () => {
    const html = `<h2 id="a">甲</h2>${para(10)}${note('秘密一')}<h2 id="b">乙</h2><div>${para(10)}${note('秘密二')}</div>`;
    const slides = splitLesson(html) as ContentSlide[];
    expect(slides.map((s) => s.html).join('')).not.toContain('秘密');
    expect(slides.map((s) => s.html).join('')).not.toContain('data-teacher-note');
    expect(slides[0]!.notes.join('')).toContain('秘密一');
    expect(slides[1]!.notes.join('')).toContain('秘密二');
  });
  it('makes quiz and scenario placeholders slides of their own', () => {
    const html = `<h2 id="q">练一练</h2><div data-live-quiz="m-a"></div><h2 id="s">情景</h2>${para(10)}<div data-live-scenario="case-x"></div>`;
    const slides = splitLesson(html);
    expect(slides.map((s) => s.kind)).toEqual(['quiz', 'content', 'scenario']);
    expect(slides[0]).toMatchObject({ kind: 'quiz', quizId: 'm-a', title: '练一练' });
    expect(slides[2]).toMatchObject({ kind: 'scenario', scenarioId: 'case-x' });
  });
  it('keeps a heading-only section as a slide', () => {
    expect(splitLesson('<h2 id="a">甲</h2>')).toHaveLength(1);
    expect(splitLesson('')).toEqual([]);
  });
  it('gives the same slides with its position-free parser as with parseLesson (rehype-parse)', () => {
    const html = [
      `<p>导语</p><h2 id="一协调">一、协调</h2><p>秘书&nbsp;协调 &amp; <b>沟通<i>信息</b>矛盾</i></p>${note('注 &lt;一&gt;')}`,
      `<div><p>段</p>${note('内')}</div><table><tr><td>一</td><td>二</td></tr></table><ul><li>甲<li>乙</ul><p>段<p>落`,
      `<h2 id="b" class="x y">乙 <span class="term" data-term="t" tabindex="0" aria-describedby="tip-1">术语</span></h2><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>`,
      `<hr class="slide-break" data-slide-break hidden><figure><img alt="图" src="/x.png"><figcaption>说明</figcaption></figure>零散文字<br>`,
      `<div data-live-quiz="m-a"></div><h3 id="c">小节</h3>${para(400)}<section data-live-scenario="case-x" class="a b"></section>`,
      `<h2 id="d">要点回顾</h2><div data-lesson-summary><ul><li>x</li></ul></div><!-- 注释 --><template><p>模板</p></template>`,
    ].join('\n');
    const slides = splitLesson(html);
    expect(slides.length).toBeGreaterThan(5);
    expect(slides).toEqual(splitLesson(html, { parse: parseLesson }));
  });
});

describe('assembleDeck', () => {
  it('puts the title slide with the lesson note first and one slide per quiz question', () => {
    const deck = assembleDeck({
      title: '课',
      html: `<h2 id="a">甲</h2>${para(10)}<h2 id="q">练一练</h2><div data-live-quiz="m-a"></div><div data-live-quiz="missing"></div>`,
      lessonNote: '提前<准备>',
      quizQuestions: { 'm-a': 3 },
    });
    expect(deck.map((s) => s.kind)).toEqual(['title', 'content', 'quiz', 'quiz', 'quiz']);
    expect(deck[0]!.notes[0]).toContain('提前&lt;准备&gt;');
    expect(deck.filter((s) => s.kind === 'quiz').map((s) => (s.kind === 'quiz' ? s.question : -1))).toEqual([0, 1, 2]);
  });
});

describe('balancedPartition', () => {
  it('minimises the heaviest group', () => {
    expect(balancedPartition([100, 100, 100, 100], 2)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(balancedPartition([300, 10, 10, 10, 300], 2).map((g) => g.length).sort()).toEqual([2, 3]);
    expect(balancedPartition([5], 3)).toEqual([[0]]);
    expect(balancedPartition([], 2)).toEqual([]);
  });
});
