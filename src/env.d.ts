/// <reference types="astro/client" />
declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on focus, pointer press, or the search shortcut (src/directives/intent.ts). */
    'client:intent'?: boolean;
  }
}
export {};
declare global {
  /** Whether this build has the offline course (service worker, manifest): astro.config.mjs, OFFLINE / SCORM_PACKAGE. */
  const __SITE_OFFLINE__: boolean;
}
