/** URLs of the classroom views (pass them through href() from ../paths). */
export const presentPath = (lessonId: string): string => `/learn/${lessonId}/present/`;
export const presenterPath = (lessonId: string): string => `/learn/${lessonId}/presenter/`;
export const teachPath = (): string => '/teach/';
export type TeachDoc = 'handout' | 'answer-key' | 'plan';
export const teachDocPath = (moduleId: string, doc: TeachDoc): string => `/teach/${moduleId}/${doc}/`;

