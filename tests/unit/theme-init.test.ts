import { describe, expect, it } from 'vitest';
import { scopedName } from '../../src/lib/paths';
import { fontKey, themeInit, themeKey } from '../../src/client/theme-init';

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

describe('font size before first paint', () => {
  /** Runs the inline script; returns the data-font it set (undefined = standard). */
  function font(base: string, stored: Record<string, string>, storageThrows = false): string | undefined {
    const dataset: Record<string, string> = {};
    const localStorage = {
      getItem: (k: string) => {
        if (storageThrows) throw new Error('SecurityError');
        return stored[k] ?? null;
      },
    };
    new Function('document', 'localStorage', 'matchMedia', themeInit(base))({ documentElement: { dataset } }, localStorage, () => ({ matches: false }));
    return dataset.font;
  }
  it('applies a saved step of this deployment, ignores anything else', () => {
    expect(font('/', { [fontKey('/')]: '1' })).toBe('1');
    expect(font('/', { [fontKey('/')]: '2' })).toBe('2');
    expect(font('/', { [fontKey('/')]: '0' })).toBeUndefined();
    expect(font('/', { [fontKey('/')]: '9; alert(1)' })).toBeUndefined();
    expect(font('/a/', { [fontKey('/b/')]: '2' })).toBeUndefined();
    expect(font('/', { [fontKey('/')]: '2' }, true)).toBeUndefined();
  });
  it('still sets the theme when a font size is saved', () => {
    expect(run('/', { [fontKey('/')]: '2', [themeKey('/')]: 'dark' })).toBe('dark');
  });
});
