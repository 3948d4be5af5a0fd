import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runSuite } from '../src/index';
import { bench, fast, sleep, suite } from './_helpers';

test('an abort during setup waits for the setup to finish, so teardown removes what it created', async () => {
  const controller = new AbortController();
  let made: string | undefined;
  const events: string[] = [];
  const result = await runSuite(
    suite('abort_setup', [
      bench('slow_setup', {
        async setup() {
          controller.abort(); // the run is cancelled while setup is still working
          await sleep(150);
          made = mkdtempSync(join(tmpdir(), 'kaizen-abort-setup-'));
          events.push('setup done');
        },
        fn: () => 1,
        teardown() {
          events.push(`teardown sees ${made ? 'the directory' : 'nothing'}`);
          if (made) rmSync(made, { recursive: true, force: true });
        },
      }),
    ]),
    { ...fast, signal: controller.signal },
  );
  expect(events).toEqual(['setup done', 'teardown sees the directory']);
  expect(made && existsSync(made)).toBe(false);
  expect(result.benchmark_results).toEqual([]);
  expect(result.config).toMatchObject({ aborted: true, complete: false });
});
