import { spawn } from 'node:child_process';
import { appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AuditEntry, JsonlAuditLog, readAuditLog } from '../src/index';
import { compileSourceFiles } from './_tools-compile';
import { useTempDirs } from './_temp-dir';

const tempDir = useTempDirs();
const WRITER = fileURLToPath(new URL('./fixtures/audit-writer.cjs', import.meta.url));
let moduleDir: string;

beforeAll(async () => {
  moduleDir = await compileSourceFiles(['tools/audit-log.ts', 'tools/errors.ts', 'agent/errors.ts']);
});
afterAll(async () => {
  await rm(moduleDir, { recursive: true, force: true });
});

function entry(n: number, args: unknown = { n }): AuditEntry {
  return {
    sessionId: 's',
    tool: 'fs_write',
    args,
    danger: 'medium',
    effect: 'allow',
    outcome: 'allowed',
    rule: 'r',
    reason: `decision ${n}`,
    decidedBy: 'policy',
  };
}

it('concurrent appends share one write and one fsync, in order (group commit)', async () => {
  const path = join(await tempDir(), 'a', 'audit.jsonl');
  const log = new JsonlAuditLog({ path });
  const records = await Promise.all(Array.from({ length: 50 }, (_, n) => log.append(entry(n))));
  expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
  const stats = log.stats;
  expect(stats.records).toBe(50);
  expect(stats.syncs).toBeLessThan(50);
  expect(stats.syncs).toBe(stats.writes);
  await log.close();
  const { records: stored } = await readAuditLog(path);
  expect(stored.map((r) => (r.args as { n: number }).n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
  await expect(log.append(entry(99))).rejects.toMatchObject({ code: 'AUDIT_CLOSED' });
});

it("durability 'write' skips fsync; large arguments are stored shortened", async () => {
  const path = join(await tempDir(), 'audit.jsonl');
  const log = new JsonlAuditLog({ path, durability: 'write', maxArgsChars: 50 });
  const record = await log.append(entry(1, { content: 'y'.repeat(4096) }));
  expect(record.args).toEqual({ truncated: true, chars: 4110, preview: `{"content":"${'y'.repeat(38)}` });
  expect(log.stats.syncs).toBe(0);
  await log.close();
});

it('reopening continues the sequence and isolates a line torn by a crash', async () => {
  const path = join(await tempDir(), 'audit.jsonl');
  const first = new JsonlAuditLog({ path });
  for (let n = 0; n < 3; n++) await first.append(entry(n));
  await first.close();
  await appendFile(path, '{"seq":4,"at":"2026-'); // a torn record: the writer died mid-line
  const second = new JsonlAuditLog({ path });
  expect((await second.append(entry(3))).seq).toBe(4);
  await second.close();
  const { records, corruptLines } = await readAuditLog(path);
  expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  expect(corruptLines).toEqual([{ line: 4, text: '{"seq":4,"at":"2026-' }]);
});

/** Starts a writer, lets it run `ms` after its first acknowledgement, SIGKILLs it; returns the acked seqs. */
function runWriterUntilKilled(path: string, ms: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, moduleDir, path, 'fsync'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('acked ')) acked.push(...line.slice(6).split(' ').map(Number));
      }
      if (acked.length > 0 && !timer) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with code ${code}: ${stderr}`));
      else resolve(acked);
    });
  });
}

it('a writer SIGKILLed mid-append loses no acknowledged record; the next writer continues the sequence', async () => {
  const path = join(await tempDir(), 'audit.jsonl');
  const ackedAll: number[] = [];
  for (let round = 0; round < 5; round++) {
    ackedAll.push(...(await runWriterUntilKilled(path, 5 + round * 7)));
    const { records } = await readAuditLog(path);
    const stored = new Set(records.map((r) => r.seq));
    expect(ackedAll.filter((seq) => !stored.has(seq))).toEqual([]);
    // Sequence numbers stay unique and increasing across crashes.
    const seqs = records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  }
  expect(ackedAll.length).toBeGreaterThan(5);
  const text = await readFile(path, 'utf8');
  console.log(`audit crash test: ${ackedAll.length} acknowledged records over 5 kills, ${text.length} bytes`);
});
