import { describe, expect, it } from 'vitest';
import { cspProblems, headProblems, readCsp, sha256, sourcesFor } from '../../scripts/lib/output-checks.mjs';

const inline = 'console.log(1)';
const css = 'a{color:red}';
const meta = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;
const good = `default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self' ${sha256(inline)}; style-src 'self' ${sha256(css)};`;
const page = (head: string, body = '') => `<!doctype html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`;

describe('readCsp', () => {
  it('reads directives and their sources', () => {
    const csp = readCsp(page(meta(good)))!;
    expect(csp.policy.get('object-src')).toEqual(["'none'"]);
    expect(sourcesFor(csp.policy, 'script', 'elem')).toContain(sha256(inline));
    expect(sourcesFor(csp.policy, 'style', 'attr')).toEqual(["'self'", sha256(css)]);
  });
  it('returns null without a policy', () => expect(readCsp(page(''))).toBeNull());
});

describe('cspProblems', () => {
  it('accepts hashed inline script and style after the policy', () => {
    expect(cspProblems(page(`${meta(good)}<style>${css}</style>`, `<script>${inline}</script><script type="module" src="/a.js"></script>`))).toEqual([]);
  });
  it('flags a missing policy', () => expect(cspProblems(page(''))).toEqual([expect.stringContaining('no <meta')]));
  it('flags an inline script without its hash', () => {
    expect(cspProblems(page(meta(good), '<script>alert(1)</script>'))[0]).toMatch(/inline <script> not allowed/);
  });
  it('flags an inline script placed before the policy', () => {
    expect(cspProblems(page(`<script>${inline}</script>${meta(good)}`))[0]).toMatch(/before the CSP/);
  });
  it('ignores JSON data blocks', () => {
    expect(cspProblems(page(meta(good), '<script type="application/json">{"a":1}</script>'))).toEqual([]);
  });
  it('flags an unhashed <style>, style attributes, handlers and javascript: URLs', () => {
    const p = cspProblems(page(meta(good), '<style>b{}</style><p style="color:red" onclick="x()"><a href="javascript:void 0">x</a></p>'));
    expect(p).toEqual([
      expect.stringMatching(/inline <style>/),
      expect.stringMatching(/inline style attribute on <p>/),
      expect.stringMatching(/event handler onclick/),
      expect.stringMatching(/javascript: URL/),
    ]);
  });
  it("flags 'unsafe-inline' scripts and missing object-src / base-uri", () => {
    const p = cspProblems(page(meta("script-src 'self' 'unsafe-inline'")));
    expect(p).toContain(`policy lacks "object-src 'none'"`);
    expect(p).toContain(`policy lacks "base-uri 'self'"`);
    expect(p).toContainEqual(expect.stringMatching(/script-src allows 'unsafe-inline'/));
  });
  it("allows style attributes only where style-src-attr says 'unsafe-inline'", () => {
    const policy = `${good} style-src-attr 'unsafe-inline';`;
    expect(cspProblems(page(meta(policy), '<p style="color:red">x</p>'))).toEqual([]);
  });
});

describe('headProblems', () => {
  const head = '<title>T</title><meta name="description" content="一句足够长的页面描述文字。"><meta name="viewport" content="width=device-width"><link rel="canonical" href="https://x.org/a/">';
  it('accepts a complete head', () => expect(headProblems(page(head))).toEqual([]));
  it('names what is missing', () => {
    expect(headProblems('<html><head></head></html>')).toEqual([
      '<html> has no lang',
      'no <title>',
      'no meta description',
      'no viewport meta',
      'no absolute canonical link',
    ]);
  });
});
