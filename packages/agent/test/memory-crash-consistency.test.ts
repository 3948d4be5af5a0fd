import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from './_memory-backends';
import { AGENT_NODE_MODULES, CRASH_WRITER, compileAgentSource } from './_memory-child';

let moduleDir: string;
let writer: string;

beforeAll(async () => {
  moduleDir = await compileAgentSource();
  writer = join(moduleDir, 'crash-writer.cjs');
  await writeFile(writer, CRASH_WRITER);
});

afterAll(async () => {
  await rm(moduleDir, { recursive: true, force: true });
});

// mulberry32: random kill moments, the same on every run.
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts a writer, waits for its first finished append, lets it run `delayMs` more, then SIGKILLs it. */
function runWriterUntilKilled(backend: unknown, firstBatch: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, moduleDir, JSON.stringify(backend), String(firstBatch)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: AGENT_NODE_MODULES },
    });
    let lastReported = -1;
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^appended (\d+)$/.exec(line);
        if (match) lastReported = Number(match[1]);
      }
      if (lastReported >= 0 && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(lastReported);
      else reject(new Error(`writer exited with code ${code}: ${stderr}`));
    });
  });
}

interface TurnRow {
  session_id: string;
  seq: number;
  content: string;
}

describeEachBackend('a writer SIGKILLed mid-append', (backend) => {
  it('leaves the warm tier consistent: whole batches only, contiguous seqs, counts right, acknowledged appends kept', async () => {
    const random = rng(backend.name === 'sqlite' ? 7 : 11);
    const rounds = backend.name === 'sqlite' ? 8 : 4;
    // Create the schema first, so every writer starts appending at once.
    await (await backend.open()).close();
    let batches = 0;
    for (let round = 0; round < rounds; round++) {
      const lastReported = await runWriterUntilKilled(backend.backend(), batches, 5 + random() * 40);

      if (backend.name === 'sqlite') {
        const check = await backend.sql<{ integrity_check: string }>('PRAGMA integrity_check', 'SELECT 1');
        expect(check).toEqual([{ integrity_check: 'ok' }]);
      }
      const rows = await backend.sql<TurnRow>(
        'SELECT session_id, seq, content FROM {turns} ORDER BY session_id, seq',
        'SELECT session_id, seq, content FROM {turns} ORDER BY session_id, seq',
      );
      const sessions = await backend.sql<{ session_id: string; turn_count: number }>(
        'SELECT session_id, turn_count FROM {sessions} ORDER BY session_id',
        'SELECT session_id, turn_count FROM {sessions} ORDER BY session_id',
      );
      const present = new Set<number>();
      const bySession = new Map<string, TurnRow[]>();
      for (const row of rows) bySession.set(row.session_id, [...(bySession.get(row.session_id) ?? []), row]);
      for (const [sessionId, turns] of bySession) {
        // Seqs 0..n-1 without holes, and the session row agrees.
        expect(turns.map((t) => Number(t.seq))).toEqual(turns.map((_, i) => i));
        expect(sessions.find((s) => s.session_id === sessionId)?.turn_count).toBe(turns.length);
        // Whole batches: b<k>-0, b<k>-1, b<k>-2 together, in order.
        expect(turns.length % 3).toBe(0);
        for (let i = 0; i < turns.length; i += 3) {
          const batch = Number(/^b(\d+)-0-/.exec(turns[i]?.content ?? '')?.[1]);
          expect([0, 1, 2].map((j) => turns[i + j]?.content.slice(0, 12))).toEqual(
            [0, 1, 2].map((j) => `b${batch}-${j}-xxxxxxxxxxxx`.slice(0, 12)),
          );
          expect(`s${batch % 3}`).toBe(sessionId);
          present.add(batch);
        }
      }
      expect(sessions.length).toBe(bySession.size);
      // Batches are appended one after another, so the ones present are exactly 0..k-1, and every batch the
      // writer saw committed is among them.
      expect([...present].sort((a, b) => a - b)).toEqual([...present].map((_, i) => i));
      expect(present.size).toBeGreaterThan(lastReported);
      expect(present.size).toBeGreaterThan(batches);
      batches = present.size;
    }

    // The database is still a working memory.
    const memory = await backend.open();
    expect((await memory.recent('s0', 3)).map((t) => t.content.slice(0, 4))).toHaveLength(3);
    expect((await memory.describe()).rows.turns).toBe(batches * 3);
  }, 120_000);
});
