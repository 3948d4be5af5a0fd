import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { binPath, fixtureSuite, startCli, tempDir } from './cli-helpers';

// SGR colour codes (e.g. ESC[32m); the live progress line's ESC[2K clear is not colour.
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[\\d+(;\\d+)*m`);
const runArgs = (out: string) => [
  'run',
  '--suite-file',
  fixtureSuite,
  '--iterations',
  '3',
  '--warmup',
  '0',
  '--no-monitor',
  '--out',
  out,
];

/** Runs the CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
function onTerminal(env: Record<string, string | undefined>): string {
  const command = [process.execPath, binPath, ...runArgs(tempDir())].map((a) => `'${a}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      CI: undefined,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      TERM: 'xterm',
      ...env,
    },
    timeout: 40_000,
  });
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('colour', () => {
  it('a terminal gets coloured ratings', () => {
    // The fixture's 2 ms spins against a 1 / 100 ms target rate `good`: cyan.
    expect(onTerminal({})).toMatch(new RegExp(`${String.fromCharCode(27)}\\[36mgood`));
  });

  it('NO_COLOR turns it off on a terminal', () => {
    const output = onTerminal({ NO_COLOR: '1' });
    expect(output).toMatch(/Spin A/);
    expect(output).not.toMatch(COLOUR);
  });

  it('a pipe under CI=true stays plain; FORCE_COLOR colours it', async () => {
    const plain = await startCli(runArgs(tempDir()), { env: { CI: 'true', NO_COLOR: '' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout + plain.stderr).not.toMatch(COLOUR);
    const forced = await startCli(runArgs(tempDir()), {
      env: { CI: 'true', NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toMatch(COLOUR);
  });
});
