import { defineConfig } from 'vitest/config';

/**
 * Test settings every package shares. Sibling packages resolve to their `src/` through the
 * `@kaizen-bench/source` export condition, so tests need no build of the packages they import.
 */
export const sharedVitestConfig = defineConfig({
  resolve: { conditions: ['@kaizen-bench/source', 'module', 'node', 'import', 'default'] },
  // Vitest hands ssr.resolve.conditions to test workers as `node --conditions`. With `import` among them, a
  // CommonJS `require` of a dual package resolves to its ESM file (express 5's router then gets is-promise's
  // namespace object, pg gets pg-pool's): leave `import` out, Node adds it to ESM imports by itself.
  ssr: { resolve: { conditions: ['@kaizen-bench/source', 'module', 'node', 'default'] } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The machines have 2 cores and several tests measure time or CPU: one file at a time.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    coverage: { provider: 'v8', include: ['src/**'], reportsDirectory: 'coverage' },
  },
});
