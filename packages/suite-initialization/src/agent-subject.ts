import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Agent, createAgent } from '@kaizen-bench/agent';
import { type ReferenceAgentOptions, referenceAgentConfig } from './reference-agent';
import type { InitializationSubject, LazyInitReport } from './subject';

/** Name of the default subject in results. */
export const AGENT_SUBJECT_NAME = 'reference agent (@kaizen-bench/agent)';

export interface AgentSubjectOptions {
  /** How the agent picks its LLM on first use. @default { llm: 'embedded' } (the generated tiny model) */
  llm?: ReferenceAgentOptions['llm'];
}

/**
 * The built module a fresh process imports for Cold Start: this package's `reference-agent-entry` (ESM). Found
 * through the package's own name, so it is the same file from source, from `dist` and from `node_modules`.
 */
export function referenceAgentEntryPath(): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@kaizen-bench/suite-initialization/package.json'));
  return join(root, 'dist', 'reference-agent-entry.js');
}

/**
 * The default subject: the reference agent of `@kaizen-bench/agent` (system prompt, three tools with JSON
 * Schemas, an LLM choice, a checkpoint directory in a temp folder removed on `close()`).
 */
export async function createAgentSubject(
  options: AgentSubjectOptions = {},
): Promise<InitializationSubject<Agent>> {
  const checkpointDir = await mkdtemp(join(tmpdir(), 'kaizen-bench-init-'));
  const agentOptions: ReferenceAgentOptions = { checkpointDir, ...(options.llm ? { llm: options.llm } : {}) };
  const entry = referenceAgentEntryPath();
  let providerFacts: Record<string, unknown> | undefined;
  return {
    name: AGENT_SUBJECT_NAME,
    coldStart: {
      module: pathToFileURL(entry).href,
      exportName: 'createReadyAgent',
      // The child builds the same agent, minus the checkpoint directory (construction never touches it).
      argument: options.llm ? { llm: options.llm } : null,
    },
    create() {
      const agent = createAgent(referenceAgentConfig(agentOptions));
      // Untimed guard: a construction that initialized a lazy part would make Lazy Init time less than it says.
      const touched = Object.entries(agent.lazyState()).filter(([, done]) => done);
      if (touched.length > 0) {
        throw new Error(
          `createAgent initialized ${touched.map(([part]) => part).join(', ')} at construction`,
        );
      }
      return agent;
    },
    async initialize(agent): Promise<LazyInitReport> {
      const partsMs = await agent.initialize();
      const info = (await agent.provider()).info();
      providerFacts ??= { engine: info.engine, model: info.model, targets_apply: info.targetsApply };
      const report: LazyInitReport = { partsMs: partsMs as Record<string, number> };
      if (info.engine === 'llama.cpp') {
        report.unratedReason =
          `its provider part loads a model in-process (llama.cpp, ${info.model}); the 1/3 ms target assumes ` +
          'a client of an LLM server (Ollama with llama3.2:1b), where "ready" is a connection check';
      }
      return report;
    },
    dispose: (agent) => agent.close(),
    describe: () => ({
      cold_start_entry: entry,
      cold_start_entry_built: existsSync(entry),
      tools: 3,
      ...(providerFacts ? { provider: providerFacts } : {}),
    }),
    close: () => rm(checkpointDir, { recursive: true, force: true }),
  };
}
