/**
 * The course as search documents (build time only; reads astro:content through getCourse).
 * Lessons (课程) and case studies (案例) by section; glossary terms (术语) with aliases;
 * quiz questions (练习: prompt and options, not the feedback), linked to the section that
 * places the quiz. Instructor notes are not indexed.
 */
import { getCourse } from '../course';
import { href, lessonPath, termPath } from '../paths';
import { t } from '../../i18n';
import { textSections } from '../lesson/tree';
import { lessonTextTree } from '../../components/lessonComponents';
import { buildSearchFiles } from './build.ts';
import type { Question, ScenarioData } from '../quiz/schema';
import type { SearchDoc } from './types.ts';

function scenarioText(s: ScenarioData): string {
  const start = s.nodes[s.start];
  return [s.title, s.intro, start?.text ?? '', ...(start?.choices ?? []).map((c) => c.text)].filter(Boolean).join('\n');
}

function questionText(q: Question): string[] {
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return q.options.map((o) => o.text);
    case 'ordering':
      return q.items.map((i) => i.text);
    case 'matching':
      return q.pairs.flatMap((p) => [p.left, p.right]);
    default:
      return [];
  }
}

let cachedDocs: Promise<SearchDoc[]> | undefined;
let cachedFiles: Promise<Map<string, string>> | undefined;

/** The search documents of the whole course (memoised per build). */
export function getSearchDocs(): Promise<SearchDoc[]> {
  cachedDocs ??= load();
  return cachedDocs;
}

/** The search data files for the whole course, name → JSON text, built on this thread (memoised). */
export function getSearchFiles(): Promise<Map<string, string>> {
  cachedFiles ??= getSearchDocs().then((docs) => buildSearchFiles(docs));
  return cachedFiles;
}

async function load(): Promise<SearchDoc[]> {
  const course = await getCourse();
  const docs: SearchDoc[] = [];
  /** quiz id → [lesson id, anchor] of the section that places it. */
  const quizPlace = new Map<string, [string, string]>();

  for (const lesson of course.lessons) {
    // Let the event loop run between lessons. Rendering a lesson awaits only promises that are already
    // settled, so without this the whole loop (seconds at 1,000 lessons) ran as one chain of microtasks,
    // during which the main thread took in no finished page from the prerender worker and handed it no
    // new one: the worker sat idle (issue 17).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const mod = course.moduleById.get(lesson.data.module)!;
    const moduleTitle = `${t('module.label', { n: mod.number })} ${mod.entry.data.title}`;
    // The lesson as rendered (terms as plain words, quizzes and scenarios as markers).
    const { sections, placements } = textSections(await lessonTextTree(lesson));
    for (const [id, anchor] of placements) {
      if (course.quizById.has(id)) quizPlace.set(id, [lesson.id, anchor]);
      // A scenario's opening (what the learner sees before choosing) is part of its section.
      const scenario = course.scenarioById.get(id);
      const section = sections.find((s) => s.anchor === anchor);
      if (scenario && section) section.text = [section.text, scenarioText(scenario.data)].filter(Boolean).join('\n');
    }
    // The lesson header the learner sees first: description and objectives.
    const lead = [lesson.data.description, t('lesson.objectives'), ...lesson.data.objectives].join('\n');
    const first = sections[0];
    if (first && !first.heading) first.text = `${lead}\n${first.text}`;
    else sections.unshift({ anchor: '', heading: '', text: lead });
    docs.push({
      type: lesson.data.kind === 'case' ? 'case' : 'lesson',
      title: lesson.data.title,
      module: moduleTitle,
      url: href(lessonPath(lesson.id)),
      sections,
    });
  }

  for (const term of course.terms) {
    docs.push({
      type: 'term',
      title: term.data.term,
      aliases: term.data.aliases,
      module: t('glossary.title'),
      url: href(termPath(term.id)),
      sections: [
        {
          anchor: '',
          heading: '',
          text: [term.data.aliases.length ? `${t('glossary.aliases')}：${term.data.aliases.join('、')}` : '', term.data.definition]
            .filter(Boolean)
            .join('\n'),
        },
      ],
    });
  }

  for (const [quizId, quiz] of [...course.quizById].sort(([a], [b]) => a.localeCompare(b))) {
    const [lessonId, anchor] = quizPlace.get(quizId) ?? [quiz.data.lesson?.split('#')[0] ?? '', ''];
    const lesson = course.lessonById.get(lessonId);
    if (!lesson) continue; // a quiz not placed on any page has nowhere to link to
    const mod = course.moduleById.get(lesson.data.module)!;
    for (const q of quiz.data.questions) {
      docs.push({
        type: 'quiz',
        title: q.prompt,
        module: `${t('module.label', { n: mod.number })} ${mod.entry.data.title} · ${lesson.data.title}`,
        url: href(lessonPath(lesson.id)) + (anchor ? `#${anchor}` : ''),
        sections: [{ anchor: '', heading: '', text: questionText(q).join('\n') }],
      });
    }
  }
  return docs;
}
