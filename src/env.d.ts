/// <reference types="astro/client" />
declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on focus, pointer press, or the search shortcut (src/directives/intent.ts). */
    'client:intent'?: boolean;
  }
}
declare global {
  interface ImportMetaEnv {
    /** 'scorm' in the packaged build (npm run package:scorm; astro.config.mjs `vite.define`), else ''. */
    readonly XTZD_PACKAGE: '' | 'scorm';
  }
}
export {};
declare global {
  /** Whether this build has the offline course (service worker, manifest): astro.config.mjs, OFFLINE / SCORM_PACKAGE. */
  const __SITE_OFFLINE__: boolean;
}
