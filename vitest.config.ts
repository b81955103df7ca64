import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'docs/examples/**/*.test.ts', 'docs/examples/**/*.test.tsx'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
