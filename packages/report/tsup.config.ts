import { defineConfig } from 'tsup';
import { baseTsupOptions } from '../../tsup.base';

// shims: the CommonJS build needs import.meta.url to find uplot's files (see src/_assets.ts).
export default defineConfig({ ...baseTsupOptions, shims: true });
