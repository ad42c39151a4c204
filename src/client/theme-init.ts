/**
 * The one inline script of the site: resolves the theme before first paint (no flash of the wrong
 * theme) and always sets `data-theme` — the learner's choice, else the system's — so the dark
 * palette is written once in global.css. It must stay inline, so the Content Security Policy allows
 * it by hash: astro.config.mjs hashes themeInit(base) and BaseLayout renders it byte for byte
 * (`<script is:inline set:html={themeInit(base)} />`). The choice is stored per deployment
 * (scopedName); a choice saved under the old origin-wide key is still honoured. It also sets the
 * reader's font size (data-font, three steps) so text never reflows after the first paint.
 */
import { legacyName, scopedName } from '../lib/paths';

export const themeKey = (base: string): string => scopedName(base, 'theme');
/** The reader's font size: '0' (standard), '1', '2'; set as data-font on <html> (global.css). */
export const fontKey = (base: string): string => scopedName(base, 'font-size');
export const FONT_STEPS = ['0', '1', '2'] as const;

export const themeInit = (base: string): string =>
  `var d=document.documentElement,s,f;try{s=localStorage.getItem(${JSON.stringify(themeKey(base))})||localStorage.getItem(${JSON.stringify(legacyName('theme'))});f=localStorage.getItem(${JSON.stringify(fontKey(base))})}catch(e){}` +
  `d.dataset.theme=s==='light'||s==='dark'?s:matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';` +
  `if(f==='1'||f==='2')d.dataset.font=f`;
