/**
 * Renders a lesson body to HTML outside a page (build time), for the lesson pipeline
 * (tree.ts): search indexing reads the same rendered lesson the page shows, so heading ids are the
 * page's own. Uses Astro's container API with the MDX renderer.
 *
 * The container cannot resolve a component's own <script> (it writes `src=` paths into the source
 * tree, e.g. Term.astro?astro&type=script), so those tags are removed: a page that shows this HTML
 * imports the scripts it needs itself (e.g. the deck pages import the term tooltips).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import { renderLesson, type LessonEntry } from '../course';

let container: Promise<AstroContainer> | undefined;

export async function renderLessonHtml(lesson: LessonEntry, components: Record<string, unknown>): Promise<string> {
  container ??= AstroContainer.create().then((c) => {
    c.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return c;
  });
  const { Content } = await renderLesson(lesson);
  const html = await (await container).renderToString(Content, { props: { components }, partial: true });
  return html.replace(COMPONENT_SCRIPT, '');
}

/** A component <script> as the container renders it (never a script an author wrote: MDX has none). */
const COMPONENT_SCRIPT = /<script\b[^>]*\bsrc="[^"]*\?astro(?:&|&amp;|&#x26;)type=script\b[^"]*"[^>]*><\/script>/g;
