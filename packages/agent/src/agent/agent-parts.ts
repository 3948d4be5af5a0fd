import { CheckpointStore } from '../checkpoint/store';
import { OllamaProvider } from '../llm/ollama-provider';
import { resolveProvider } from '../llm/resolve-provider';
import type { LlmProvider } from '../llm/types';
import { Lazy } from './_lazy';
import type { ResolvedAgentConfig } from './config';
import type { ConversationMemory } from './memory';
import { ToolValidators } from './tool-validators';

/** The parts of an agent initialized on first use. */
export type AgentPart = 'provider' | 'tools' | 'memory' | 'checkpoints';

/** Which lazy parts are initialized now. */
export type AgentLazyState = Record<AgentPart, boolean>;

/** Milliseconds each part took to initialize; 0 for one already initialized. */
export type AgentInitTimings = Partial<Record<AgentPart, number>>;

const ALL_PARTS: readonly AgentPart[] = ['provider', 'tools', 'memory', 'checkpoints'];

/** Loads a provider so the first call does not: a GGUF model is read, an Ollama server is checked. */
async function warmUp(provider: LlmProvider, callerOwned: boolean): Promise<void> {
  const loadable = provider as LlmProvider & { load?: () => Promise<void> };
  if (typeof loadable.load === 'function') await loadable.load();
  // resolveProvider has checked an Ollama it picked; a caller's one is checked here.
  if (callerOwned && provider instanceof OllamaProvider) await provider.assertReady();
}

/**
 * An agent's lazily initialized parts — the LLM provider, the tool validators, the memory and the checkpoint
 * store — with what the agent owns and must release on close.
 */
export class AgentParts {
  readonly provider: Lazy<LlmProvider>;
  readonly memory: Lazy<ConversationMemory>;
  readonly validators: ToolValidators;
  readonly checkpoints: Lazy<CheckpointStore> | undefined;
  private readonly ownsProvider: boolean;
  private readonly ownsMemory: boolean;
  private readonly hasTools: boolean;
  private readonly closing = new AbortController();

  constructor(config: ResolvedAgentConfig) {
    const { llm, memory, checkpointDir } = config;
    this.ownsProvider = 'choice' in llm;
    this.provider = new Lazy(async () => {
      if ('provider' in llm) {
        await warmUp(llm.provider, true);
        return llm.provider;
      }
      const { provider } = await resolveProvider({ ...llm.choice, signal: this.closing.signal });
      try {
        await warmUp(provider, false);
      } catch (error) {
        await provider.close().catch(() => {});
        throw error;
      }
      return provider;
    });
    this.ownsMemory = 'factory' in memory;
    this.memory = new Lazy(() => ('factory' in memory ? memory.factory() : memory.instance));
    this.hasTools = config.tools.length > 0;
    this.validators = new ToolValidators(config.tools);
    this.checkpoints =
      checkpointDir === undefined
        ? undefined
        : new Lazy(async () => {
            const store = new CheckpointStore({ dir: checkpointDir });
            await store.list(); // reads the directory once; later saves and loads do not list it again
            return store;
          });
  }

  /** What is initialized now. */
  state(): AgentLazyState {
    return {
      provider: this.provider.initialized,
      tools: this.validators.initialized,
      memory: this.memory.initialized,
      checkpoints: this.checkpoints?.initialized ?? false,
    };
  }

  /** Initializes `parts` (default: every part that applies) one after the other, timing each. */
  async initialize(parts: readonly AgentPart[] = ALL_PARTS): Promise<AgentInitTimings> {
    const timings: AgentInitTimings = {};
    for (const part of ALL_PARTS) {
      if (!parts.includes(part)) continue;
      const init = this.initializer(part);
      if (!init) continue;
      if (init.done) {
        timings[part] = 0;
        continue;
      }
      const started = performance.now();
      await init.run();
      timings[part] = performance.now() - started;
    }
    return timings;
  }

  private initializer(part: AgentPart): { done: boolean; run(): Promise<unknown> } | undefined {
    switch (part) {
      case 'provider':
        return { done: this.provider.initialized, run: () => this.provider.get() };
      case 'memory':
        return { done: this.memory.initialized, run: () => this.memory.get() };
      case 'tools':
        return this.hasTools
          ? { done: this.validators.initialized, run: () => this.validators.compileAll() }
          : undefined;
      case 'checkpoints':
        return this.checkpoints && { done: this.checkpoints.initialized, run: () => this.checkpoints!.get() };
    }
  }

  /** Releases what the agent opened: the provider it resolved and the memory its factory made. */
  async close(): Promise<void> {
    this.closing.abort();
    const [provider, memory] = await Promise.all([this.provider.settled(), this.memory.settled()]);
    const closing: Array<Promise<void>> = [];
    if (this.ownsProvider && provider) closing.push((async () => provider.close())());
    if (this.ownsMemory && memory?.close) closing.push((async () => memory.close?.())());
    const failed = (await Promise.allSettled(closing)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
