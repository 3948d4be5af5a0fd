import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import type { AgentState, CheckpointsSubject } from '../src/index';

export interface MemorySubjectOptions {
  saveDelayMs?: number;
  /** When false, `compress: true` is ignored (the original suite's bug). */
  honoursCompress?: boolean;
  /** When true, load returns a different state than the one saved. */
  loadsWrongState?: boolean;
}

/** An in-memory subject (a real implementation of the interface, with optional faults), counting calls. */
export function createMemorySubject(options: MemorySubjectOptions = {}) {
  const calls = { save: 0, load: 0, close: 0 };
  const stored = new Map<boolean, string>();
  const subject: CheckpointsSubject = {
    name: 'memory subject',
    async save(state: AgentState, { compress }) {
      calls.save++;
      if (options.saveDelayMs) await sleep(options.saveDelayMs);
      const json = JSON.stringify(state);
      stored.set(compress, json);
      const raw = Buffer.byteLength(json);
      const packed = compress && options.honoursCompress !== false;
      return { rawBytes: raw, bytes: packed ? gzipSync(json).length : raw, codec: packed ? 'gzip' : 'none' };
    },
    async load({ compress }) {
      calls.load++;
      const state = JSON.parse(stored.get(compress) ?? 'null') as AgentState;
      return options.loadsWrongState ? { ...state, step: state.step + 1 } : state;
    },
    close() {
      calls.close++;
    },
  };
  return { subject, calls };
}

/** The in-memory subject with `storedBytes()`: the bytes of every save it keeps (all of them, no retention). */
export function createKeepAllSubject(unsupported?: CheckpointsSubject['unsupported']) {
  const saves: number[] = [];
  const messages: number[] = [];
  const closed = { count: 0 };
  const { subject } = createMemorySubject();
  const keepAll: CheckpointsSubject = {
    ...subject,
    name: 'keep-all subject',
    ...(unsupported ? { unsupported } : {}),
    async save(state, options) {
      const facts = await subject.save(state, options);
      saves.push(facts.bytes);
      messages.push(state.conversation.length);
      return facts;
    },
    storedBytes: async () => saves.reduce((sum, bytes) => sum + bytes, 0),
    close() {
      closed.count++;
    },
  };
  return { subject: keepAll, saves, messages, closed };
}
