import { defineConfig } from 'tsup';
import { baseTsupOptions } from '../../tsup.base';

export default defineConfig({
  ...baseTsupOptions,
  // instructions-source: what the child processes of `run --measure instructions` import.
  entry: ['src/index.ts', 'src/bin.ts', 'src/instructions-source.ts'],
  dts: { entry: 'src/index.ts', compilerOptions: { customConditions: [] } },
  // import.meta.url (used to read package.json) must also work in the CJS build.
  shims: true,
});
