import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type Agent,
  CheckpointStore,
  createAgent,
  defineTool,
  InProcessMemory,
  InterruptBudget,
  type LlmProvider,
  type LlmChoice,
  resumePointFromState,
  resolveProvider,
} from '@kaizen-bench/agent';
import type { InterruptRunOutcome, InterruptsSubject, SignalChildEntry } from './subject';
import type { InterruptTask, TaskTool } from './task';

/** Name of the default subject in results. */
export const AGENT_SUBJECT_NAME = 'reference agent (@kaizen-bench/agent)';

/** The LLM choice of the default subject (the CLI's `--llm --ollama-host --model --model-file`). */
export type SubjectLlmOptions = LlmChoice;

export interface AgentSubjectOptions {
  /** How the agent picks its model. @default { llm: 'embedded' } (the generated tiny model) */
  llm?: SubjectLlmOptions;
}

/** Generation of every model call: the task needs one short JSON tool call per step. */
export const TASK_GENERATION = Object.freeze({ maxTokens: 96, temperature: 0, seed: 42 });

/** The package's built file `name` (the same from source, from `dist` and from `node_modules`). */
export function builtEntryPath(name: 'signal-child' | 'signal-agent'): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@kaizen-bench/suite-interrupts/package.json'));
  return join(root, 'dist', `${name}.js`);
}

/** The task's tool as an agent tool; `charge` is the current run's budget. */
export function agentTool(tool: TaskTool, charge: () => ((units: number) => void) | undefined) {
  return defineTool({
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
    execute: (args, { signal }) => {
      const current = charge();
      return tool.execute(args, current ? { signal, charge: current } : { signal });
    },
  });
}

/** The agent every run of the task uses: the task's tool, a tool call at every step, greedy. */
export function taskAgent(
  task: InterruptTask,
  llm: LlmProvider,
  tool: ReturnType<typeof agentTool>,
  checkpointDir?: string,
): Agent {
  return createAgent({
    name: 'interrupts-task',
    systemPrompt: task.instructions,
    llm,
    tools: [tool],
    toolChoice: 'required',
    // Room for the quick steps, the long one, and a reply the model gets wrong on the way.
    budget: { maxSteps: task.fastSteps + 4 },
    generation: { ...TASK_GENERATION },
    // A factory: the agent owns this memory and releases it on shutdown.
    memory: () => new InProcessMemory(),
    ...(checkpointDir ? { checkpointDir } : {}),
  });
}

/** What a run's agent holds besides itself: the resources its shutdown hooks release. */
interface LiveAgent {
  agent: Agent;
  server: Server;
  log: FileHandle;
}

/**
 * The default subject: the reference agent of `@kaizen-bench/agent` on one provider resolved in `prepare`
 * (shared by its agents, never closed by their shutdowns), `agent.runInterruptible` with a caller signal,
 * `timeoutMs` and an `InterruptBudget`, checkpoints in a temp directory (removed on `close()`). Each agent
 * also holds what a real one would release on shutdown: a loopback HTTP status server and an open run log,
 * each closed by a shutdown hook, and a memory it made (released by `close()`). OS signals run in a child
 * process (`signal-agent` entry, built).
 */
export function createAgentSubject(options: AgentSubjectOptions = {}): InterruptsSubject {
  const llmChoice: SubjectLlmOptions = { llm: 'embedded', ...options.llm };
  let provider: LlmProvider | undefined;
  let providerFacts: Record<string, unknown> | undefined;
  let task: InterruptTask | undefined;
  let dir: string | undefined;
  let live: LiveAgent | undefined;
  let charge: ((units: number) => void) | undefined;
  let agentsBuilt = 0;

  const buildAgent = async (): Promise<LiveAgent> => {
    const t = task!;
    const agent = taskAgent(
      t,
      provider!,
      agentTool(t.tool, () => charge),
      join(dir!, 'checkpoints'),
    );
    await agent.initialize();
    const server = createServer((_req, res) => res.end('{"status":"running"}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const log = await open(join(dir!, `run-${++agentsBuilt}.log`), 'a');
    agent.onShutdown(
      'close-status-server',
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    agent.onShutdown('close-run-log', () => log.close());
    return { agent, server, log };
  };

  const release = async (held: LiveAgent | undefined) => {
    if (!held) return;
    await held.agent.shutdown().catch(() => {});
  };

  return {
    name: AGENT_SUBJECT_NAME,
    sources: ['abort', 'timeout', 'budget'],
    signalChild: signalChildEntry(llmChoice),
    async prepare(next) {
      if (!provider) {
        const resolved = await resolveProvider(llmChoice);
        provider = resolved.provider;
        const info = provider.info();
        providerFacts = { engine: info.engine, model: info.model, choice: resolved.reason };
      }
      dir ??= await mkdtemp(join(tmpdir(), 'kaizen-bench-interrupts-'));
      await release(live);
      live = undefined;
      task = next;
    },
    async run(runOptions): Promise<InterruptRunOutcome> {
      live ??= await buildAgent();
      const { agent, log } = live;
      const budget =
        runOptions.budgetLimit !== undefined
          ? new InterruptBudget({ limit: runOptions.budgetLimit, unit: 'pages' })
          : undefined;
      charge = budget ? (units) => budget.charge(units) : undefined;
      const out = await agent.runInterruptible(task!.input, {
        signal: runOptions.signal,
        ...(runOptions.timeoutMs !== undefined ? { timeoutMs: runOptions.timeoutMs } : {}),
        ...(budget ? { budget } : {}),
        // OS signals are the child's business: no process handlers in the benchmarking process.
        signals: [],
        checkpoint: runOptions.checkpoint,
        shutdown: runOptions.shutdown,
      });
      charge = undefined;
      if (runOptions.shutdown && out.status === 'interrupted') live = undefined;
      if (out.status === 'completed') {
        await log.appendFile(`completed ${out.result.stopReason}\n`);
        return { status: 'completed' };
      }
      return {
        status: 'interrupted',
        kind: out.reason.kind,
        firedAt: out.stamps.firedAt,
        detectedAt: out.stamps.detectedAt,
        ...(out.stamps.checkpointedAt !== undefined ? { checkpointedAt: out.stamps.checkpointedAt } : {}),
        ...(out.stamps.stoppedAt !== undefined ? { stoppedAt: out.stamps.stoppedAt } : {}),
        facts: {
          completed_steps: out.progress.steps,
          ...(out.reason.kind === 'timeout' ? { timer_late_ms: out.reason.lateMs } : {}),
          ...(out.checkpoint ? { checkpoint_bytes: out.checkpoint.bytes } : {}),
          ...(out.checkpointError ? { checkpoint_error: out.checkpointError.message } : {}),
          ...(out.shutdown
            ? {
                tools_in_flight: out.shutdown.tools.inFlight,
                tools_settled: out.shutdown.tools.settled,
                hooks: out.shutdown.hooks.map((h) => `${h.name}:${h.status}`),
                ...(out.shutdown.closeError ? { close_error: out.shutdown.closeError } : {}),
              }
            : {}),
        },
      };
    },
    async loadCheckpoint() {
      // A fresh store, as a restarted process would open it.
      const { state } = await new CheckpointStore({ dir: join(dir!, 'checkpoints') }).load();
      const point = resumePointFromState(state);
      return {
        completedSteps: point.progress.steps,
        toolResults: point.progress.toolCalls.map((c) => c.result),
      };
    },
    describe: () => ({
      ...(providerFacts ? { provider: providerFacts } : {}),
      agents_built: agentsBuilt,
      shutdown_hooks: ['close-run-log', 'close-status-server'],
      provider_closed_on_shutdown: false,
    }),
    async close() {
      await release(live);
      live = undefined;
      await provider?.close();
      provider = undefined;
      if (dir) await rm(dir, { recursive: true, force: true });
      dir = undefined;
    },
  };
}

/** The default subject's OS-signal child: the built `signal-agent` entry; absent until the package is built. */
function signalChildEntry(llm: SubjectLlmOptions): SignalChildEntry {
  const module = builtEntryPath('signal-agent');
  return { module, exportName: 'createSignalChildAgent', argument: { llm } };
}
