/**
 * The static body of one slide as HTML (pure): the title slide, a content slide, or the static preview
 * of a quiz question / scenario. Made once per lesson (deckData.ts) and shown by both deck pages: the
 * presenter view's slide templates and the audience deck's non-interactive slides. It was an Astro
 * component (SlideBody.astro) rendered per slide on each page (issue 17: about 40 component renders
 * per lesson); the markup is the one that component produced, character for character, with text
 * escaped as Astro escapes an expression. Unit-tested in tests/unit/classroom-slide-html.test.ts.
 */
import { LETTERS, type LiveQuestion } from './quiz';
import type { Slide } from './slides';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
/** Text as Astro writes an expression into HTML (the same five characters, the same entities). */
export const escapeText = (s: string): string => s.replace(/[&<>'"]/g, (c) => ENTITY[c]!);

export interface TitleMeta {
  moduleLabel: string;
  /** The lesson's length in words (duration(minutes)). */
  duration: string;
  description: string;
  objectives: readonly string[];
}
export interface SlideLabels {
  objectives: string;
  quizSlide: string;
  scenarioSlide: string;
}

export function slideBodyHtml(slide: Slide, meta: TitleMeta, labels: SlideLabels, question?: LiveQuestion, scenario?: { title: string; intro: string }): string {
  const e = escapeText;
  switch (slide.kind) {
    case 'title':
      return (
        `<div class="title-slide"><p class="ts-meta">${e(meta.moduleLabel)} · ${e(meta.duration)}</p><h2 class="ts-title">${e(slide.title)}</h2>` +
        `<p class="ts-lead">${e(meta.description)}</p><h3 class="ts-obj">${e(labels.objectives)}</h3><ul>${meta.objectives.map((o) => `<li>${e(o)}</li>`).join('')}</ul></div>`
      );
    case 'content':
      return slide.html;
    case 'quiz': {
      if (!question) return '';
      const lettered = question.kind !== 'ordering' && question.kind !== 'matching' && question.kind !== 'truefalse';
      const options = question.options.map((o, i) => `<li class="lq-option"><span class="lq-text">${lettered ? `<span class="lq-letter">${e(LETTERS[i] ?? '')}</span>` : ''}${e(o)}</span></li>`).join('');
      return `<div class="live-quiz"><p class="lq-meta">${e(labels.quizSlide)}</p><h2 class="lq-prompt">${e(question.prompt)}</h2><ol class="lq-options">${options}</ol></div>`;
    }
    case 'scenario':
      if (!scenario) return '';
      return `<div class="live-scenario"><p class="ls-meta">${e(labels.scenarioSlide)}</p><h2 class="ls-title">${e(scenario.title)}</h2><p class="ls-text">${e(scenario.intro)}</p></div>`;
  }
}
