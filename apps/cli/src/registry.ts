import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createCheckpointsSuite } from '@kaizen-bench/suite-checkpoints';

/** One suite the CLI can run: its DESIGN §2 number, folder name and result id, and its package's factory. */
export interface RegisteredSuite {
  number: number;
  name: string;
  id: string;
  /** The package that provides it. */
  packageName: string;
  create: () => SuiteDefinition | Promise<SuiteDefinition>;
}

/** The suites whose packages have landed, in suite-number order. */
export const suiteRegistry: readonly RegisteredSuite[] = [
  {
    number: 6,
    name: 'checkpoints',
    id: 'suite6_checkpoints',
    packageName: '@kaizen-bench/suite-checkpoints',
    create: () => createCheckpointsSuite(),
  },
];
