import { describe, expect, it } from 'vitest';
import { derivedTree, type Rendering } from '../../src/lib/lesson/derive';
import { parseTextTree } from '../../src/lib/search/text-tree';
import { lessonMaterial } from '../../src/lib/classroom/extract';
import { textSections } from '../../src/lib/lesson/tree';

/**
 * A lesson body written once with the author components as functions of the rendering: 'present' is
 * what the slide components render (Term.astro, SlideBreak.astro, TeacherNote.astro, the quiz and scenario
 * markers), 'text' and 'handout' the lesson with plain terms and without what each leaves out.
 * The tree made from the slide rendering must be the tree of parsing the other rendering.
 */
type As = 'present' | Rendering;
let tip = 0;
const term = (as: As, word: string, slot?: string) =>
  as === 'present'
    ? `<span class="term" data-more="查看术语表"><a href="/glossary/#term-${tip}" aria-describedby="tip-x-${++tip}">${slot ?? word}</a><span class="term-tip" role="tooltip" id="tip-x-${tip}"><strong>${word}</strong>：${word}的定义</span></span>`
    : (slot ?? word);
const slideBreak = (as: As) => (as === 'present' ? '<hr class="slide-break" data-slide-break hidden>' : '');
const note = (as: As, inner: string) =>
  as === 'handout' ? '' : `<div class="teacher-note" data-teacher-note hidden role="note" aria-label="教师提示"><p class="teacher-note-label">教师提示</p>${inner}</div>`;
const quiz = (as: As, id: string) => (as === 'handout' ? '' : `<div data-live-quiz="${id}"></div>`);
const scenario = (as: As, id: string) => (as === 'handout' ? '' : `<div data-live-scenario="${id}"></div>`);

const lesson = (as: As) => `<p>${term(as, '协调')}是开头，${term(as, '沟通')}${term(as, '反馈')}相邻。</p>
<h2 id="一定义">一、${term(as, '定义')}</h2>
<p>带标记的${term(as, '协调', '<strong>协</strong>调 &amp; 配合')}写法。</p>
${slideBreak(as)}
<ul><li>${term(as, '统筹')}</li><li>末尾是${term(as, '协调')}</li></ul>
${note(as, `<p>提示里也有${term(as, '沟通')}。</p>`)}
<div class="callout" data-keypoint><p class="callout-label">要点</p><div class="callout-body" data-callout-body><p>${term(as, '协调')}要点</p>${note(as, '<p>要点里的提示</p>')}</div></div>
<h2 id="讨论">课堂讨论</h2>
<div class="callout" data-discussion><div class="callout-body" data-callout-body><p>谈谈${term(as, '沟通')}？</p></div></div>
<h2 id="练一练">练一练</h2>
${quiz(as, 'q-1')}
${slideBreak(as)}${scenario(as, 's-1')}
<h2 id="要点回顾">要点回顾</h2>
<div class="lesson-summary" data-lesson-summary><ul><li>${term(as, '协调')}回顾</li></ul>${note(as, '<p>总结提示</p>')}</div>`;

describe('the text and handout trees made from the slide rendering (one reading per lesson)', () => {
  const present = parseTextTree(lesson('present'));
  for (const as of ['text', 'handout'] as const) {
    it(`equals parsing the lesson rendered for ${as}`, () => {
      expect(derivedTree(present, as)).toEqual(parseTextTree(lesson(as)));
    });
  }
  it('gives the same search text and handout material as the other renderings', () => {
    expect(textSections(derivedTree(present, 'text'))).toEqual(textSections(parseTextTree(lesson('text'))));
    expect(lessonMaterial(derivedTree(present, 'handout'))).toEqual(lessonMaterial(lesson('handout')));
  });
  it('leaves the slide tree as it was', () => {
    const before = JSON.stringify(present);
    derivedTree(present, 'text');
    derivedTree(present, 'handout');
    expect(JSON.stringify(present)).toBe(before);
  });
  it('returns the tree itself when nothing differs', () => {
    const plain = parseTextTree('<p>没有术语。</p>\n<h2 id="a">甲</h2>');
    expect(derivedTree(plain, 'handout')).toBe(plain);
  });
});
