// @ts-check
/**
 * Checks on built HTML that no validator knows about: the Content Security Policy really
 * covers the page (every inline script and style is allowed by hash, nothing inline that a
 * policy without 'unsafe-inline' would block) and the page has what search engines and
 * Lighthouse need (lang, title, description, canonical). Pure: HTML in, problems out.
 */
import { createHash } from 'node:crypto';

/** @param {string} body */
export const sha256 = (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;

/** @param {string} s */
const decode = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The CSP of a page from its <meta http-equiv>, as a map directive → sources.
 * @param {string} html
 * @returns {{ policy: Map<string, string[]>, index: number } | null}
 */
export function readCsp(html) {
  const m = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"[^>]*>/i.exec(html);
  if (!m) return null;
  const policy = new Map();
  for (const part of decode(m[1] ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return { policy, index: m.index };
}

/**
 * Sources that apply to inline elements of a kind (CSP fallback: script-src-elem → script-src → default-src).
 * @param {Map<string, string[]>} policy
 * @param {'script' | 'style'} kind
 * @param {'elem' | 'attr'} where
 */
export function sourcesFor(policy, kind, where) {
  return policy.get(`${kind}-src-${where}`) ?? policy.get(`${kind}-src`) ?? policy.get('default-src') ?? [];
}

const DATA_BLOCK = /^(application\/(ld\+)?json|importmap|text\/plain|speculationrules)$/i;

/**
 * Problems with the CSP of one page.
 * @param {string} html
 * @returns {string[]}
 */
export function cspProblems(html) {
  const problems = [];
  const csp = readCsp(html);
  if (!csp) return ['no <meta http-equiv="content-security-policy">'];
  const { policy, index } = csp;
  const scriptSrc = sourcesFor(policy, 'script', 'elem');
  const styleSrc = sourcesFor(policy, 'style', 'elem');
  for (const [name, want] of [['object-src', "'none'"], ['base-uri', "'self'"]]) {
    if (!(policy.get(name ?? '') ?? []).includes(want ?? '')) problems.push(`policy lacks "${name} ${want}"`);
  }
  for (const d of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
    const s = policy.get(d) ?? [];
    if (s.includes("'unsafe-inline'") || s.includes("'unsafe-eval'")) problems.push(`${d} allows ${s.filter((x) => x.startsWith("'unsafe")).join(' ')}`);
  }
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const type = /\stype="([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (/\ssrc=/i.test(attrs) || DATA_BLOCK.test(type)) continue;
    const body = m[2] ?? '';
    if ((m.index ?? 0) < index) problems.push(`inline <script> before the CSP <meta> (the policy does not govern it): ${body.slice(0, 60)}`);
    else if (!scriptSrc.includes(sha256(body))) problems.push(`inline <script> not allowed by script-src (hash ${sha256(body)}): ${body.slice(0, 60)}`);
  }
  for (const m of html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style>/gi)) {
    const body = m[2] ?? '';
    if (!styleSrc.includes(sha256(body))) problems.push(`inline <style> not allowed by style-src (hash ${sha256(body)}): ${body.slice(0, 60)}`);
  }
  const tags = html.replace(/<script(\s[^>]*)?>[\s\S]*?<\/script>/gi, '').replace(/<style(\s[^>]*)?>[\s\S]*?<\/style>/gi, '');
  const styleAttr = /<([a-z][\w-]*)\b[^>]*\sstyle="([^"]*)"/gi;
  const styleAttrOk = sourcesFor(policy, 'style', 'attr').includes("'unsafe-inline'");
  if (!styleAttrOk) for (const m of tags.matchAll(styleAttr)) problems.push(`inline style attribute on <${m[1]}>: style="${m[2]}"`);
  for (const m of tags.matchAll(/<([a-z][\w-]*)\b[^>]*\s(on[a-z]+)=/gi)) problems.push(`inline event handler ${m[2]} on <${m[1]}>`);
  for (const m of tags.matchAll(/\s(?:href|src|action)="\s*javascript:/gi)) problems.push(`javascript: URL: ${m[0].trim()}`);
  return problems;
}

/**
 * What every page needs for screen readers, search engines and Lighthouse SEO.
 * @param {string} html
 * @returns {string[]}
 */
export function headProblems(html) {
  const problems = [];
  if (!/<html[^>]*\slang="[^"]+"/i.test(html)) problems.push('<html> has no lang');
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  if (!title) problems.push('no <title>');
  const desc = /<meta\s+name="description"\s+content="([^"]*)"/i.exec(html)?.[1]?.trim();
  if (!desc) problems.push('no meta description');
  else if (desc.length < 10) problems.push(`meta description too short: "${desc}"`);
  if (!/<meta\s+name="viewport"/i.test(html)) problems.push('no viewport meta');
  const canonical = /<link\s+rel="canonical"\s+href="([^"]*)"/i.exec(html)?.[1];
  if (!canonical || !/^https?:\/\//.test(canonical)) problems.push('no absolute canonical link');
  return problems;
}

/** @param {string} html */
export const titleOf = (html) => decode(/<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? '');
/** @param {string} html */
export const isNoindex = (html) => /<meta\s+name="robots"\s+content="[^"]*noindex/i.test(html);
