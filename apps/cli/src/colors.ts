import { createColors } from 'picocolors';

export type Colors = ReturnType<typeof createColors>;

/**
 * Whether output to `stream` gets colour: on a terminal (not `TERM=dumb`) unless `NO_COLOR` is set;
 * `FORCE_COLOR` (other than `0` / `false`) forces it. Pipes and CI logs stay plain. picocolors' own default
 * turns colour on whenever `CI` is set, which would put escape codes in CI logs.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return Boolean(stream.isTTY) && env['TERM'] !== 'dumb';
}

/** The colours of this run: plain until {@link useColors} is called (once, by `runCli`, from its io). */
export let pc: Colors = createColors(false);

export function useColors(enabled: boolean): void {
  pc = createColors(enabled);
}
