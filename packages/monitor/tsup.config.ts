import { defineConfig } from 'tsup';
import { baseTsupOptions } from '../../tsup.base';

// shims: the CJS build needs an import.meta.url to resolve pidusage's path for the portable sampler.
export default defineConfig({ ...baseTsupOptions, shims: true });
