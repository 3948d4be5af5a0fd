import type { Options } from 'tsup';

/** Build settings every publishable package shares: ESM + CJS + declarations for Node 20. */
export const baseTsupOptions: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { customConditions: [] } },
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: false,
  treeshake: true,
};
