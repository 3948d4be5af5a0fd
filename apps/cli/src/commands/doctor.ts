import {
  checkPostgresUrl,
  ensureTinyModel,
  LlamaCppProvider,
  OllamaProvider,
  openTieredMemory,
} from '@kaizen-bench/agent';
import { checkValgrind, prepareResultsDir } from '@kaizen-bench/harness';
import { pc } from '../colors';
import type { CliIo } from '../io';

export interface DoctorOptions {
  out: string;
  ollamaHost?: string;
  model: string;
  /** PostgreSQL server of the memory suite, checked when given (else `KAIZEN_BENCH_PG_URL`). */
  pgUrl?: string;
}

/** One line of the report. `optional` checks print MISSING but do not fail the command. */
interface Check {
  name: string;
  optional?: boolean;
  run(): Promise<{ ok: true; detail: string } | { ok: false; detail: string; fix: string }>;
}

const MIN_NODE = [20, 19] as const;

function checks(options: DoctorOptions): Check[] {
  return [
    {
      name: 'Node.js',
      async run() {
        const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
        const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
        return ok
          ? { ok, detail: `${process.versions.node} (>= ${MIN_NODE.join('.')} required)` }
          : { ok, detail: `${process.versions.node} is too old`, fix: 'install Node.js 20.19 or newer' };
      },
    },
    {
      name: 'results directory',
      async run() {
        try {
          return { ok: true, detail: `${await prepareResultsDir(options.out)} is writable` };
        } catch (error) {
          return { ok: false, detail: (error as Error).message, fix: 'pass a writable directory with --out' };
        }
      },
    },
    {
      name: 'embedded LLM engine',
      async run() {
        // Loads node-llama-cpp's native binary and the generated tiny model: what the LLM benchmarks fall back to.
        const provider = new LlamaCppProvider({ modelPath: await ensureTinyModel({ seed: 42 }) });
        try {
          const reply = await provider.chat([{ role: 'user', content: 'hi' }], {
            maxTokens: 4,
            temperature: 0,
            seed: 1,
          });
          return {
            ok: true,
            detail: `node-llama-cpp loads and generates (${reply.completionTokens} tokens on the tiny model)`,
          };
        } catch (error) {
          return {
            ok: false,
            detail: `node-llama-cpp failed: ${(error as Error).message}`,
            fix: 'reinstall with `pnpm install` on Linux x64 (the prebuilt @node-llama-cpp/linux-x64 binary is needed)',
          };
        } finally {
          await provider.close();
        }
      },
    },
    {
      name: 'SQLite (memory suite)',
      async run() {
        // Loads better-sqlite3's native binary: the memory suite's default backend.
        try {
          const memory = await openTieredMemory({ backend: { kind: 'sqlite', path: ':memory:' } });
          const { serverVersion } = await memory.describe();
          await memory.close();
          return { ok: true, detail: `better-sqlite3 loads (${serverVersion})` };
        } catch (error) {
          return {
            ok: false,
            detail: (error as Error).message,
            fix: 'run `pnpm install` again: it downloads a prebuilt better-sqlite3 or compiles one (python3, make, g++)',
          };
        }
      },
    },
    ...(options.pgUrl ? [postgresCheck(options.pgUrl)] : []),
    {
      name: 'valgrind (run --measure instructions)',
      optional: true,
      async run() {
        const check = await checkValgrind();
        if (check.ok) return { ok: true, detail: `valgrind ${check.version}: instruction counts available` };
        return {
          ok: false,
          detail: 'not found: run --measure instructions is unavailable',
          fix: 'apt-get install valgrind',
        };
      },
    },
    {
      name: 'Ollama',
      optional: true,
      async run() {
        const provider = new OllamaProvider({ host: options.ollamaHost, model: options.model });
        const status = await provider.check();
        if (status.ok) return { ok: true, detail: `${provider.info().model} ready at ${provider.host}` };
        return {
          ok: false,
          detail: `${status.message} (the LLM benchmarks fall back to the embedded engine, unrated)`,
          fix:
            status.problem === 'unreachable'
              ? 'start it with `ollama serve`'
              : `run \`ollama pull ${options.model}\``,
        };
      },
    },
  ];
}

/** The PostgreSQL server given with --pg-url / KAIZEN_BENCH_PG_URL: connects once, writes nothing. */
function postgresCheck(url: string): Check {
  return {
    name: 'PostgreSQL (memory suite)',
    async run() {
      try {
        const { serverVersion, location } = await checkPostgresUrl(url);
        return { ok: true, detail: `${serverVersion} at ${location}` };
      } catch (error) {
        // The message is "<problem> — <fix>".
        const [detail = '', fix = 'fix the URL or the server'] = (error as Error).message.split(' — ');
        return { ok: false, detail, fix };
      }
    },
  };
}

/**
 * `kaizen-bench doctor`: the seed's "verify setup" as a command. Prints one OK / MISSING line per check with
 * the fix; exits 1 when a required check fails (optional ones only warn).
 */
export async function doctorCommand(options: DoctorOptions, io: CliIo): Promise<number> {
  let failed = false;
  const pgUrl = options.pgUrl || io.env['KAIZEN_BENCH_PG_URL'] || undefined;
  for (const check of checks({ ...options, pgUrl })) {
    const outcome = await check.run().catch((error: unknown) => ({
      ok: false as const,
      detail: (error as Error).message,
      fix: 'see the message above',
    }));
    if (outcome.ok) {
      io.stdout.write(`${pc.green('OK     ')} ${check.name}: ${outcome.detail}\n`);
      continue;
    }
    if (!check.optional) failed = true;
    const label = check.optional ? pc.yellow('MISSING') : pc.red('MISSING');
    io.stdout.write(
      `${label} ${check.name}${check.optional ? ' (optional)' : ''}: ${outcome.detail}\n        fix: ${outcome.fix}\n`,
    );
  }
  return failed ? 1 : 0;
}
