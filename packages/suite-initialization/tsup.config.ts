import { defineConfig } from 'tsup';
import { baseTsupOptions } from '../../tsup.base';

// A second entry: the module a fresh process imports in the Cold Start benchmark (built JS, never a TS loader).
export default defineConfig({
  ...baseTsupOptions,
  entry: { index: 'src/index.ts', 'reference-agent-entry': 'src/reference-agent-entry.ts' },
});
