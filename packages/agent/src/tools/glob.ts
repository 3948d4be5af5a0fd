/** A compiled tool-name glob: `*` is any run of characters, `?` one character; anything else is literal. */
export type NameMatcher = (name: string) => boolean;

const SPECIAL = /[.+^${}()|[\]\\]/g;

/** Compiles a glob once; a glob without `*` or `?` is a plain string comparison. */
export function compileGlob(glob: string): NameMatcher {
  if (glob === '*') return () => true;
  if (!glob.includes('*') && !glob.includes('?')) return (name) => name === glob;
  const source = glob.replace(SPECIAL, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const pattern = new RegExp(`^${source}$`, 's');
  return (name) => pattern.test(name);
}
