import { execFile } from 'node:child_process';

/** Whether valgrind can be run, and its version. */
export type ValgrindCheck = { ok: true; version: string; path: string } | { ok: false; reason: string };

/** The one line that says how to get valgrind. */
export const VALGRIND_INSTALL_HINT = 'install it (Debian/Ubuntu: apt-get install valgrind)';

/**
 * Runs `<path> --version` and reports whether valgrind is usable for `--measure instructions`, with its
 * version (e.g. `3.19.0`) or why not, in one line that says how to install it.
 */
export function checkValgrind(path = 'valgrind'): Promise<ValgrindCheck> {
  return new Promise((resolve) => {
    execFile(path, ['--version'], { timeout: 10_000 }, (error, stdout) => {
      const match = /valgrind-(\S+)/.exec(String(stdout));
      if (error || !match?.[1]) {
        const why = error
          ? (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'not found'
            : error.message
          : `unexpected output '${String(stdout).trim()}'`;
        resolve({ ok: false, reason: `valgrind cannot be run (${path}: ${why}): ${VALGRIND_INSTALL_HINT}` });
        return;
      }
      resolve({ ok: true, version: match[1], path });
    });
  });
}
