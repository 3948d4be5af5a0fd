/**
 * Set (to `1`) in the environment of a repetition child (`run --repeat`, `ab`); such a child stops like on
 * SIGHUP when its parent goes away, so a killed parent leaves no run behind.
 */
export const REPETITION_CHILD_ENV = 'KAIZEN_BENCH_REPETITION_CHILD';

/**
 * In a repetition child, calls `stop` once the parent is gone: the parent holds the child's stdin open and
 * never writes to it, so end-of-file there means the parent exited (even by SIGKILL). Anywhere else it does
 * nothing. Returns a function that stops watching. The watch keeps no process alive on its own.
 */
export function stopWhenParentGoes(env: NodeJS.ProcessEnv, stop: () => void): () => void {
  if (env[REPETITION_CHILD_ENV] !== '1') return () => {};
  const stdin = process.stdin;
  const onEnd = () => stop();
  stdin.once('end', onEnd);
  stdin.once('error', onEnd);
  stdin.resume();
  (stdin as { unref?: () => void }).unref?.();
  return () => {
    stdin.off('end', onEnd);
    stdin.off('error', onEnd);
    stdin.pause();
  };
}
