import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN';
import { LIVE_QUIZ_KEYS, LIVE_SCENARIO_KEYS, liveQuizStrings, liveScenarioStrings } from '../../src/components/classroom/live-strings';

/** Keys an island formats with t('…'), and prefixes of keys it builds with t(`prefix.${…}`). */
function keysUsed(file: string): { literal: string[]; built: string[] } {
  const src = readFileSync(file, 'utf8');
  return {
    literal: [...src.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!),
    built: [...src.matchAll(/\bt\(`([\w.]+)\$\{/g)].map((m) => m[1]!),
  };
}

describe('classroom islands get every string they show, and only a picked subset', () => {
  const cases = [
    ['src/components/classroom/LiveQuiz.tsx', LIVE_QUIZ_KEYS, liveQuizStrings()],
    ['src/components/classroom/LiveScenario.tsx', LIVE_SCENARIO_KEYS, liveScenarioStrings()],
  ] as const;
  for (const [file, prefixes, picked] of cases) {
    it(file, () => {
      const { literal, built } = keysUsed(file);
      expect(literal.length).toBeGreaterThan(5);
      for (const key of literal) expect(picked, `${key} is used by ${file} but not picked (${prefixes.join(', ')})`).toHaveProperty([key]);
      for (const prefix of built) {
        const wanted = Object.keys(zhCN).filter((k) => k.startsWith(prefix));
        expect(wanted.length, `no string starts with ${prefix}`).toBeGreaterThan(0);
        for (const key of wanted) expect(picked, `${key} (built from ${prefix}) is not picked`).toHaveProperty([key]);
      }
      expect(Object.keys(picked).length).toBeLessThan(Object.keys(zhCN).length / 3);
    });
  }
});
