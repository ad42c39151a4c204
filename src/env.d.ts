/// <reference types="astro/client" />
declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on focus, pointer press, or the search shortcut (src/directives/intent.ts). */
    'client:intent'?: boolean;
  }
}
export {};
