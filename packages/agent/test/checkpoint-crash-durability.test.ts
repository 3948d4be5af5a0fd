import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CheckpointStore } from '../src/index';
import { compileCheckpointModule } from './_compile-checkpoint-module';

const require = createRequire(import.meta.url);
const { crashState } = require('./fixtures/crash-state.cjs') as { crashState: (step: number) => unknown };
const WRITER = fileURLToPath(new URL('./fixtures/crash-writer.cjs', import.meta.url));
const ROUNDS = 30;
const CODECS = ['none', 'gzip', 'brotli'] as const;

let moduleDir: string;
let dir: string;

beforeAll(async () => {
  moduleDir = await compileCheckpointModule();
  dir = await mkdtemp(join(tmpdir(), 'kzb-ckpt-crash-'));
});

afterAll(async () => {
  await rm(moduleDir, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

// mulberry32: the kill moments are random but reproducible.
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Round {
  lastReportedStep: number;
  exitSignal: NodeJS.Signals | null;
}

/** Starts a writer, waits for its first durable save, lets it run `delayMs` more, then SIGKILLs it. */
function runWriterUntilKilled(firstStep: number, codec: string, delayMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [WRITER, moduleDir, dir, String(firstStep), codec], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastReportedStep = -1;
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (const match of stdout.matchAll(/^saved \S+ (\d+)$/gm)) lastReportedStep = Number(match[1]);
      if (lastReportedStep >= 0 && timer === undefined)
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with code ${code}: ${stderr}`));
      else resolve({ lastReportedStep, exitSignal: signal });
    });
  });
}

test('a writer SIGKILLed at random moments mid-save never leaves the latest checkpoint unloadable', async () => {
  const random = rng(42);
  let nextStep = 0;
  let roundsWithTempFileLeft = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const codec = CODECS[round % CODECS.length] as string;
    const { lastReportedStep } = await runWriterUntilKilled(nextStep, codec, random() * 40);
    expect(lastReportedStep).toBeGreaterThanOrEqual(nextStep);

    const names = await readdir(dir);
    if (names.some((name) => name.endsWith('.tmp'))) roundsWithTempFileLeft++;

    // A fresh store, as a restarted agent would make: the newest listed checkpoint must load, unaided.
    const store = new CheckpointStore({ dir });
    const listed = await store.list();
    const loaded = await store.load();
    expect(loaded.id).toBe(listed.at(-1)?.id);
    expect(loaded.skipped).toEqual([]);
    // Every save the child reported as finished is there (it may have finished one more before dying).
    expect(loaded.state.step).toBeGreaterThanOrEqual(lastReportedStep);
    expect(loaded.state.step).toBeLessThanOrEqual(lastReportedStep + 1);
    expect(loaded.state).toEqual(crashState(loaded.state.step));
    nextStep = loaded.state.step + 1;
  }
  // Evidence the kills landed inside saves (temp file written, not yet renamed), not only between them.
  expect(roundsWithTempFileLeft).toBeGreaterThan(0);
  console.log(`crash durability: ${ROUNDS} kills, ${roundsWithTempFileLeft} left a temp file mid-save`);
}, 180_000);

test('the next writer removes temp files a killed writer left behind', async () => {
  await runWriterUntilKilled(10_000, 'none', 5);
  const store = new CheckpointStore({ dir, keep: 3 });
  await store.save(crashState(20_000) as never);
  const names = await readdir(dir);
  expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  expect(names.filter((name) => name.endsWith('.ckpt'))).toHaveLength(3);
});
