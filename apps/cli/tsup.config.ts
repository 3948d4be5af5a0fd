import { defineConfig } from 'tsup';
import { baseTsupOptions } from '../../tsup.base';

export default defineConfig({
  ...baseTsupOptions,
  entry: ['src/index.ts', 'src/bin.ts'],
  dts: { entry: 'src/index.ts', compilerOptions: { customConditions: [] } },
  // import.meta.url (used to read package.json) must also work in the CJS build.
  shims: true,
});
