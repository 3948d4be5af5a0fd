import { resolveProvider } from '@kaizen-bench/agent';
import { agentTool, type SubjectLlmOptions, taskAgent } from './agent-subject';
import type { SignalChildAgent } from './subject';
import type { InterruptTask } from './task';

/**
 * The default subject's agent in the OS-signal child process (this module is the package's built
 * `signal-agent` entry): the same task agent as in-process, run with `agent.runInterruptible`, which installs
 * SIGINT/SIGTERM handlers for the run only. No checkpoint, no shutdown: the child runs the task many times.
 */
export async function createSignalChildAgent(
  argument: { llm?: SubjectLlmOptions } | null,
  task: InterruptTask,
): Promise<SignalChildAgent> {
  const { provider } = await resolveProvider({ llm: 'embedded', ...argument?.llm });
  const agent = taskAgent(
    task,
    provider,
    agentTool(task.tool, () => undefined),
  );
  await agent.initialize();
  return {
    async runUntilSignal() {
      const out = await agent.runInterruptible(task.input, {
        signals: ['SIGINT', 'SIGTERM'],
        checkpoint: false,
        shutdown: false,
      });
      if (out.status !== 'interrupted' || out.reason.kind !== 'signal') {
        throw new Error(
          `the run ended ${out.status === 'completed' ? 'without an interrupt' : `by ${out.reason.kind}`}, not by a signal`,
        );
      }
      return { detectedAt: out.stamps.detectedAt, signal: out.reason.signal };
    },
    async close() {
      await agent.close();
      await provider.close();
    },
  };
}
