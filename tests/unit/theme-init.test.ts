import { describe, expect, it } from 'vitest';
import { scopedName } from '../../src/lib/paths';
import { themeInit, themeKey } from '../../src/client/theme-init';

/** Runs the inline theme script against a fake page; returns the data-theme it set. */
function run(base: string, stored: Record<string, string>, systemDark = false, storageThrows = false): string | undefined {
  const dataset: Record<string, string> = {};
  const document = { documentElement: { dataset } };
  const localStorage = {
    getItem: (k: string) => {
      if (storageThrows) throw new Error('SecurityError');
      return stored[k] ?? null;
    },
  };
  const matchMedia = () => ({ matches: systemDark });
  new Function('document', 'localStorage', 'matchMedia', themeInit(base))(document, localStorage, matchMedia);
  return dataset.theme;
}

describe('names scoped by deployment', () => {
  it('differ between deployments on one origin and ignore a missing trailing slash', () => {
    expect(scopedName('/a/', 'progress')).not.toBe(scopedName('/b/', 'progress'));
    expect(scopedName('/', 'progress')).not.toBe(scopedName('/a/', 'progress'));
    expect(scopedName('/a', 'theme')).toBe(scopedName('/a/', 'theme'));
  });
});

describe('theme before first paint', () => {
  it('always sets data-theme: the saved choice, else the system preference', () => {
    expect(run('/', {}, false)).toBe('light');
    expect(run('/', {}, true)).toBe('dark');
    expect(run('/', { [themeKey('/')]: 'light' }, true)).toBe('light');
    expect(run('/', { [themeKey('/')]: 'bogus' }, true)).toBe('dark');
    expect(run('/', {}, true, true)).toBe('dark');
  });
  it("reads this deployment's choice, not another's; honours a choice saved under the old key", () => {
    expect(run('/a/', { [themeKey('/b/')]: 'dark' })).toBe('light');
    expect(run('/a/', { [themeKey('/a/')]: 'dark' })).toBe('dark');
    expect(run('/a/', { 'xtzd-theme': 'dark' })).toBe('dark');
    expect(run('/a/', { 'xtzd-theme': 'dark', [themeKey('/a/')]: 'light' })).toBe('light');
  });
});
