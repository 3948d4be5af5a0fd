import type { SuiteDefinition } from '@kaizen-bench/harness';
import { createInterruptsSuite } from '@kaizen-bench/suite-interrupts';
import type { LanggraphSuiteOptions } from '../options';
import { createLanggraphInterruptsSubject } from './subject';

/**
 * Suite 5, Interrupts, on LangGraph.js: the suite of `@kaizen-bench/suite-interrupts` with a fresh
 * {@link createLanggraphInterruptsSubject} per benchmark. Detection runs the caller-abort source only; the
 * other sources are left out with LangGraph's reasons.
 */
export function createLanggraphInterruptsSuite(options: LanggraphSuiteOptions): SuiteDefinition {
  return createInterruptsSuite({
    subject: () => createLanggraphInterruptsSubject(options),
    ...(options.onNotice ? { onNotice: options.onNotice } : {}),
  });
}
