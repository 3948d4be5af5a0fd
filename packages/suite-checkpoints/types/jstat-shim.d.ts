// @kaizen-bench/stats is type-checked here from its source (the `@kaizen-bench/source` condition), and its
// own ambient declaration for the untyped `jstat` is not part of this program: declare the module loosely.
// (Reached through @kaizen-bench/harness.) Only type-checking needs this; the build resolves stats' published .d.ts instead.
declare module 'jstat';
