/**
 * Renders a lesson body to HTML outside a page (build time), for the lesson pipeline
 * (tree.ts): search indexing reads the same rendered lesson the page shows, so heading ids are the
 * page's own. Uses Astro's container API with the MDX renderer.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import mdxRenderer from '@astrojs/mdx/server.js';
import type { LessonEntry } from '../course';

let container: Promise<AstroContainer> | undefined;

export async function renderLessonHtml(lesson: LessonEntry, components: Record<string, unknown>): Promise<string> {
  container ??= AstroContainer.create().then((c) => {
    c.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return c;
  });
  const { Content } = await render(lesson);
  return (await container).renderToString(Content, { props: { components }, partial: true });
}
