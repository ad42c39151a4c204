/** URLs of the classroom views (pass them through href() from ../paths). */
export const presentPath = (lessonId: string): string => `/learn/${lessonId}/present/`;
export const presenterPath = (lessonId: string): string => `/learn/${lessonId}/presenter/`;
export const teachPath = (): string => '/teach/';
export type TeachDoc = 'handout' | 'answer-key' | 'plan';
export const teachDocPath = (moduleId: string, doc: TeachDoc): string => `/teach/${moduleId}/${doc}/`;

/** Quiz and scenario ids placed in an MDX body with <Quiz id="…" /> / <Scenario id="…" />, in order. */
export function placedIds(body: string | undefined, component: 'Quiz' | 'Scenario'): string[] {
  const re = new RegExp(`<${component}\\s+id=["']([^"']+)["']`, 'g');
  return [...new Set([...(body ?? '').matchAll(re)].map((m) => m[1]!))];
}
