import { defineConfig } from 'tsup';
import { baseTsupOptions } from '../../tsup.base';

// Two more entries run in a child process for the OS-signal source: the child program, and the default
// subject's agent it imports (built JavaScript, never a TS loader). `shims` gives the CJS build import.meta.url.
export default defineConfig({
  ...baseTsupOptions,
  entry: { index: 'src/index.ts', 'signal-child': 'src/signal-child.ts', 'signal-agent': 'src/signal-agent.ts' },
  shims: true,
});
