import { defineConfig } from 'tsup';
import { baseTsupOptions } from '../../tsup.base';

export default defineConfig({
  ...baseTsupOptions,
  // The child process of instruction counting is its own file, next to index.js (see instructions/_run-probe.ts).
  entry: { index: 'src/index.ts', 'instructions-child': 'src/instructions/child.ts' },
  dts: { entry: 'src/index.ts', compilerOptions: { customConditions: [] } },
  // import.meta.url (used to find that file) must also work in the CJS build.
  shims: true,
});
