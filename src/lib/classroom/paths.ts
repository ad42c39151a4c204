/** URLs of the classroom views (pass them through href() from ../paths). */
export const presentPath = (lessonId: string): string => `/learn/${lessonId}/present/`;
export const presenterPath = (lessonId: string): string => `/learn/${lessonId}/presenter/`;
export const teachPath = (): string => '/teach/';
export type TeachDoc = 'handout' | 'answer-key' | 'plan';
export const teachDocPath = (moduleId: string, doc: TeachDoc): string => `/teach/${moduleId}/${doc}/`;


export type DeckView = 'present' | 'presenter';
/**
 * getStaticPaths of the deck route (src/pages/learn/[module]/[lesson]/[view]): a lesson's two views
 * next to each other, so the build renders them one after the other and their shared deck
 * (lessonDeck) is dropped before the next lesson's is made.
 */
export function deckPaths<L extends { id: string }>(lessons: readonly L[]) {
  return lessons.flatMap((lesson) => {
    const [module, slug] = lesson.id.split('/');
    return (['present', 'presenter'] as const).map((view) => ({ params: { module: module!, lesson: slug!, view }, props: { lesson, view } }));
  });
}
