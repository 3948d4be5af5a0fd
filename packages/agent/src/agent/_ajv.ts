import type AjvType from 'ajv';

/** The ajv class, imported on first use: loading it costs tens of milliseconds. */
export type AjvClass = typeof AjvType;

let ajvPromise: Promise<AjvClass> | undefined;

export function importAjv(): Promise<AjvClass> {
  ajvPromise ??= import('ajv').then((m) => {
    // Node's ESM loader sees ajv's CommonJS `module.exports` (the class, which also has `.default`);
    // bundlers and CJS interop see `exports.default`. Both lead to the class.
    const exported = m.default as AjvClass & { default?: AjvClass };
    return exported.default ?? exported;
  });
  ajvPromise.catch(() => {
    ajvPromise = undefined;
  });
  return ajvPromise;
}
