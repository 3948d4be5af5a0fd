import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './errors';

/** The `run` options a repetition child gets from its parent (`run --repeat`, `ab`): everything that shapes the run. */
export interface ForwardedRunOptions {
  iterations?: number;
  warmup?: number;
  quick?: boolean;
  /** Fraction (0.02 for `--target-ci 2`). */
  targetCi?: number;
  maxIterations?: number;
  seed: number;
  monitor: boolean;
  llm: 'auto' | 'ollama' | 'embedded';
  ollamaHost?: string;
  model: string;
  modelFile?: string;
  /** PostgreSQL URL of the memory suite (`--pg-url`). */
  pgUrl?: string;
}

/** The command-line form of {@link ForwardedRunOptions}, for `kaizen-bench run`. */
export function forwardedRunArgs(options: ForwardedRunOptions): string[] {
  const args: string[] = [];
  if (options.iterations !== undefined) args.push('--iterations', String(options.iterations));
  if (options.warmup !== undefined) args.push('--warmup', String(options.warmup));
  if (options.quick) args.push('--quick');
  if (options.targetCi !== undefined)
    args.push('--target-ci', String(Math.round(options.targetCi * 1e11) / 1e9));
  if (options.maxIterations !== undefined) args.push('--max-iterations', String(options.maxIterations));
  args.push('--seed', String(options.seed));
  if (!options.monitor) args.push('--no-monitor');
  args.push('--llm', options.llm, '--model', options.model);
  if (options.ollamaHost !== undefined) args.push('--ollama-host', options.ollamaHost);
  if (options.modelFile !== undefined) args.push('--model-file', resolve(options.modelFile));
  if (options.pgUrl) args.push('--pg-url', options.pgUrl);
  return args;
}

/**
 * This CLI's own `dist/bin.js`, which `run --repeat` starts for each repetition. The same relative path works
 * from the built bundles (`dist/*.js`) and from the sources (`src/*.ts`, where the build must exist).
 */
export function ownBinPath(): string {
  const path = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
  if (!existsSync(path)) {
    throw new CliError(
      `--repeat runs each repetition with ${path}, which does not exist: build the CLI (pnpm turbo run build --filter=@kaizen-bench/cli...)`,
    );
  }
  return path;
}

/** Node flags for a repetition child: the parent's own, minus a debugger (its port would clash). */
export function childExecArgv(): string[] {
  return process.execArgv.filter((flag) => !flag.startsWith('--inspect'));
}
