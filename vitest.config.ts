/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig gives unit tests the same module resolution as the site (astro:content mocks aside).
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // `npm test` runs the unit tests beside the type check on a 2-core machine: the slowest test
    // (1,200 queries, about 3 s alone) must not fail on a loaded machine for the 5 s default. Tests
    // here do not time anything (budgets are scripts), so a longer limit only changes when a hang fails.
    testTimeout: 30_000,
  },
});
