import type { LlmChoice } from '@kaizen-bench/agent';
import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createCheckpointsSuite } from '@kaizen-bench/suite-checkpoints';
import { createExecutionSuite } from '@kaizen-bench/suite-execution';
import { createInitializationSuite } from '@kaizen-bench/suite-initialization';
import { createInterruptsSuite } from '@kaizen-bench/suite-interrupts';
import { createMemorySuite } from '@kaizen-bench/suite-memory';
import { createMultiAgentSuite } from '@kaizen-bench/suite-multi-agent';
import { createToolCallingSuite } from '@kaizen-bench/suite-tool-calling';

/** What `run` hands every suite factory: the LLM choice of `--llm --ollama-host --model --model-file`. */
export interface SuiteFactoryOptions {
  llm: LlmChoice;
  /** PostgreSQL URL of `--pg-url` (else `KAIZEN_BENCH_PG_URL`) for the memory suite; unset: SQLite. */
  pgUrl?: string;
}

/** One suite the CLI can run: its DESIGN §2 number, folder name and result id, and its package's factory. */
export interface RegisteredSuite {
  number: number;
  name: string;
  id: string;
  /** The package that provides it. */
  packageName: string;
  /**
   * Its benchmarks load or call the LLM inside the timed work: `--measure instructions` then serves an
   * embedded model from the CLI process, so the counted child processes count the runtime, not the model.
   */
  callsLlm?: true;
  /** Builds the suite; LLM suites pass `options.llm` to `resolveProvider`, the others ignore it. */
  create: (options: SuiteFactoryOptions) => SuiteDefinition | Promise<SuiteDefinition>;
}

/** The suites whose packages have landed, in suite-number order. */
export const suiteRegistry: readonly RegisteredSuite[] = [
  {
    number: 1,
    name: 'initialization',
    callsLlm: true,
    id: 'suite1_initialization',
    packageName: '@kaizen-bench/suite-initialization',
    create: (options) => createInitializationSuite({ llm: options.llm }),
  },
  {
    number: 2,
    name: 'execution',
    callsLlm: true,
    id: 'suite2_execution',
    packageName: '@kaizen-bench/suite-execution',
    // The one line saying which model runs (e.g. Ollama down, so the embedded engine) goes to stderr.
    create: (options) =>
      createExecutionSuite({ llm: options.llm, onNotice: (line) => process.stderr.write(`${line}\n`) }),
  },
  {
    number: 3,
    name: 'memory',
    id: 'suite3_memory',
    packageName: '@kaizen-bench/suite-memory',
    create: (options) => createMemorySuite(options.pgUrl ? { pgUrl: options.pgUrl } : {}),
  },
  {
    number: 4,
    name: 'tool-calling',
    id: 'suite4_tool_calling',
    packageName: '@kaizen-bench/suite-tool-calling',
    create: () => createToolCallingSuite(),
  },
  {
    number: 5,
    name: 'interrupts',
    callsLlm: true,
    id: 'suite5_interrupts',
    packageName: '@kaizen-bench/suite-interrupts',
    // Per-source detection times (signal, abort, timeout, budget) go to stderr when Detection ends.
    create: (options) =>
      createInterruptsSuite({ llm: options.llm, onNotice: (line) => process.stderr.write(`${line}\n`) }),
  },
  {
    number: 6,
    name: 'checkpoints',
    id: 'suite6_checkpoints',
    packageName: '@kaizen-bench/suite-checkpoints',
    create: () => createCheckpointsSuite(),
  },
  {
    number: 7,
    name: 'multi-agent',
    id: 'suite7_multi_agent',
    packageName: '@kaizen-bench/suite-multi-agent',
    create: () => createMultiAgentSuite(),
  },
];
