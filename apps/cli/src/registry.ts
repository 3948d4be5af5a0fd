import type { ResolveProviderOptions } from '@kaizen-bench/agent';
import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createCheckpointsSuite } from '@kaizen-bench/suite-checkpoints';
import { createInitializationSuite } from '@kaizen-bench/suite-initialization';

/** What `run` hands every suite factory: the LLM choice of `--llm --ollama-host --model --model-file`. */
export interface SuiteFactoryOptions {
  llm: Pick<ResolveProviderOptions, 'llm' | 'ollamaHost' | 'model' | 'modelFile'>;
}

/** One suite the CLI can run: its DESIGN §2 number, folder name and result id, and its package's factory. */
export interface RegisteredSuite {
  number: number;
  name: string;
  id: string;
  /** The package that provides it. */
  packageName: string;
  /** Builds the suite; LLM suites pass `options.llm` to `resolveProvider`, the others ignore it. */
  create: (options: SuiteFactoryOptions) => SuiteDefinition | Promise<SuiteDefinition>;
}

/** The suites whose packages have landed, in suite-number order. */
export const suiteRegistry: readonly RegisteredSuite[] = [
  {
    number: 1,
    name: 'initialization',
    id: 'suite1_initialization',
    packageName: '@kaizen-bench/suite-initialization',
    create: (options) => createInitializationSuite({ llm: options.llm }),
  },
  {
    number: 6,
    name: 'checkpoints',
    id: 'suite6_checkpoints',
    packageName: '@kaizen-bench/suite-checkpoints',
    create: () => createCheckpointsSuite(),
  },
];
