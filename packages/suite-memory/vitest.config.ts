import { defineConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../vitest.shared.ts';

// Vitest hands ssr.resolve.conditions to the worker as `node --conditions`. With `import` among them, a CommonJS
// `require` of a dual package resolves to its ESM file: pg then gets pg-pool's namespace object instead of the
// class ("Class extends value [object Module] is not a constructor"). Node adds `import` by itself to ESM imports.
const conditions = (sharedVitestConfig.ssr?.resolve?.conditions ?? []).filter((c) => c !== 'import');

export default defineConfig({
  ...sharedVitestConfig,
  ssr: { ...sharedVitestConfig.ssr, resolve: { ...sharedVitestConfig.ssr?.resolve, conditions } },
});
