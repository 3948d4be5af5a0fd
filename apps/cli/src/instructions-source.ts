// The module the child processes of `run --measure instructions` import to re-create a suite (the harness's
// `SuiteSource`): built to dist/instructions-source.js. Its export is called with a JSON argument.
import type { SuiteDefinition } from '@kaizen-bench/harness';
import { type SuiteFactoryOptions, suiteRegistry } from './registry';
import { loadSuiteFile } from './suite-file';

/** What identifies a suite of a `run`: a registered suite's id, or a `--suite-file` module. */
export interface InstructionsSuiteArgument {
  suiteId?: string;
  suiteFile?: string;
  factoryOptions: SuiteFactoryOptions;
}

/** Re-creates, in a child process, the suite a `run` is counting: the same factory with the same options. */
export async function createSuiteForInstructions(arg: InstructionsSuiteArgument): Promise<SuiteDefinition> {
  if (arg.suiteFile !== undefined) {
    return (await loadSuiteFile(arg.suiteFile, arg.factoryOptions)).create(arg.factoryOptions);
  }
  const entry = suiteRegistry.find((suite) => suite.id === arg.suiteId);
  if (!entry) throw new Error(`no registered suite '${arg.suiteId}'`);
  return entry.create(arg.factoryOptions);
}
