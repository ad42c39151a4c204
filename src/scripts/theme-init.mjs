// @ts-check
/**
 * The one inline script of the site: applies the remembered theme before first paint
 * (no flash of the wrong theme). It must stay inline, so the Content Security Policy allows
 * it by hash: astro.config.mjs hashes THEME_INIT and BaseLayout renders it byte for byte
 * (`<script is:inline set:html={THEME_INIT} />`). Plain .mjs so the config can import it.
 */
export const THEME_INIT =
  "try{var s=localStorage.getItem('xtzd-theme');if(s==='light'||s==='dark')document.documentElement.dataset.theme=s}catch(e){}";
