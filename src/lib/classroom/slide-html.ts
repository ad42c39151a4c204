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

export interface PresenterLabels {
  /** The quiz remote's group name, its three buttons, and the note shown when the class sees shuffled options. */
  remote: string;
  remoteCountdown: string;
  remoteReveal: string;
  remoteHide: string;
  remoteShuffled: string;
  noNotes: string;
}

/**
 * The presenter view's inert templates, two per slide: the slide (copied into the current / next
 * panes) and its notes (with the remote controls of a quiz slide). One string per page instead of a
 * component tree of about 60 nodes per slide (issue 17); the markup PresenterView.astro wrote.
 */
export function presenterTemplatesHtml(slides: readonly { slide: Pick<Slide, 'kind'>; body: string; notes: readonly string[] }[], labels: PresenterLabels): string {
  const e = escapeText;
  const remote =
    `<div class="pv-buttons" role="group" aria-label="${e(labels.remote)}"><button type="button" class="deck-btn" data-pv-countdown="60">${e(labels.remoteCountdown)}</button>` +
    `<button type="button" class="deck-btn" data-pv-reveal="true">${e(labels.remoteReveal)}</button><button type="button" class="deck-btn" data-pv-reveal="false">${e(labels.remoteHide)}</button></div>` +
    `<p class="pv-shuffled" data-pv-shuffled hidden>${e(labels.remoteShuffled)}</p>`;
  const none = `<p class="pv-none">${e(labels.noNotes)}</p>`;
  return slides
    .map(
      (s, i) =>
        `<template data-slide-tpl="${i + 1}"><div class="slide slide-${s.slide.kind}"><div class="slide-inner">${s.body}</div></div></template>` +
        `<template data-notes-tpl="${i + 1}">${s.slide.kind === 'quiz' ? remote : ''}${s.notes.length ? s.notes.join('\n') : none}</template>`,
    )
    .join('');
}

/**
 * The audience deck's <section> start tag of slide `n` of `count` (1-based): the first is shown, the
 * others hidden; `fit` lets the deck scale text slides to the screen. The slide's body and `</section>`
 * follow (PresentDeck.astro).
 */
export function slideSectionOpen(kind: Slide['kind'], n: number, fit: boolean, roleDescription: string, label: string): string {
  const e = escapeText;
  return `<section class="slide slide-${kind}" data-slide="${n}"${fit ? ' data-fit' : ''}${n > 1 ? ' hidden' : ''} aria-roledescription="${e(roleDescription)}" aria-label="${e(label)}">`;
}
