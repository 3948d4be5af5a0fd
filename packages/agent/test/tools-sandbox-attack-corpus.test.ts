import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsSandbox, type FsSandbox, SandboxError, type SandboxRejection } from '../src/index';
import { buildSandboxTree, type SandboxTree, snapshot } from './_tools-sandbox-fixture';

interface Attack {
  name: string;
  path: unknown;
  /** Accepted refusal reasons (the first check that fails may differ between read and write). */
  reasons: SandboxRejection[];
}

/** Path attacks; `{outside}` is replaced by the absolute path of the directory outside the root. */
function corpus(tree: SandboxTree): Attack[] {
  const o = tree.outside;
  return [
    { name: '../ out of the root', path: '../outside/secret.txt', reasons: ['dot_segment'] },
    {
      name: '../ chain to the filesystem root',
      path: '../../../../../../kzb-escape.txt',
      reasons: ['dot_segment'],
    },
    { name: '.. after a real directory', path: 'sub/../../outside/x.txt', reasons: ['dot_segment'] },
    { name: 'bare ..', path: '..', reasons: ['dot_segment'] },
    { name: 'bare .', path: '.', reasons: ['dot_segment'] },
    { name: './ then ..', path: './../outside/x.txt', reasons: ['dot_segment'] },
    { name: '. segment inside', path: 'sub/./x.txt', reasons: ['dot_segment'] },
    { name: 'absolute path outside', path: `${o}/secret.txt`, reasons: ['absolute'] },
    { name: 'absolute path to the root itself', path: `${tree.root}/victim.txt`, reasons: ['absolute'] },
    { name: 'Windows drive path', path: 'C:\\Windows\\win.ini', reasons: ['absolute'] },
    { name: 'backslash separators', path: '..\\outside\\secret.txt', reasons: ['backslash'] },
    { name: 'mixed separators', path: 'sub\\..\\../outside/x.txt', reasons: ['backslash', 'dot_segment'] },
    { name: 'UNC path', path: '\\\\server\\share\\x', reasons: ['backslash'] },
    { name: 'encoded slash', path: '..%2foutside%2fsecret.txt', reasons: ['encoded'] },
    { name: 'encoded dots', path: '%2e%2e/outside/secret.txt', reasons: ['encoded'] },
    { name: 'encoded backslash', path: '..%5coutside%5csecret.txt', reasons: ['encoded'] },
    { name: 'double-encoded dots', path: '%252e%252e/outside/x.txt', reasons: ['encoded'] },
    { name: 'overlong UTF-8 slash', path: '..%c0%afoutside%c0%afx.txt', reasons: ['encoded'] },
    { name: '%u-encoded dots', path: '%u002e%u002e/outside/x.txt', reasons: ['encoded'] },
    { name: 'NUL byte truncation', path: 'safe.txt\0../../outside/x.txt', reasons: ['nul_byte'] },
    { name: 'trailing NUL byte', path: 'victim.txt\0', reasons: ['nul_byte'] },
    { name: 'full-width dots', path: '\uff0e\uff0e/outside/x.txt', reasons: ['invalid_character'] },
    { name: 'full-width solidus', path: '..\uff0foutside\uff0fx.txt', reasons: ['invalid_character'] },
    { name: 'control character in a name', path: 'sub/a\nb.txt', reasons: ['invalid_character'] },
    { name: 'right-to-left override', path: 'sub/txt.\u202eexe', reasons: ['invalid_character'] },
    { name: 'overlong path (>1024 chars)', path: `${'a/'.repeat(600)}x.txt`, reasons: ['too_long'] },
    { name: 'overlong segment (>255 bytes)', path: `${'a'.repeat(300)}.txt`, reasons: ['segment_too_long'] },
    { name: 'empty path', path: '', reasons: ['empty'] },
    { name: 'empty segment', path: 'sub//x.txt', reasons: ['empty_segment'] },
    { name: 'trailing slash', path: 'sub/', reasons: ['empty_segment'] },
    { name: 'not a string', path: 42, reasons: ['not_a_string'] },
    { name: 'symlink to a file outside', path: 'link-file', reasons: ['symlink'] },
    { name: 'symlinked directory leading outside', path: 'link-dir/new.txt', reasons: ['symlink'] },
    { name: 'symlinked parent, nested', path: 'sub/deeper/new.txt', reasons: ['symlink'] },
    { name: 'relative symlink ../outside', path: 'rel/new.txt', reasons: ['symlink'] },
    { name: 'dangling symlink to a new file outside', path: 'dangling', reasons: ['symlink'] },
    { name: 'symlink loop', path: 'loop1/x.txt', reasons: ['symlink'] },
    { name: 'symlink to the parent directory', path: 'up/outside/secret.txt', reasons: ['symlink'] },
    { name: 'symlink to a device', path: 'devzero', reasons: ['symlink'] },
    { name: 'symlink through /proc/self/root', path: 'procroot/kzb-escape.txt', reasons: ['symlink'] },
    { name: 'symlink to the root itself', path: 'self/victim.txt', reasons: ['symlink'] },
    { name: 'hard link to a file outside', path: 'hard', reasons: ['hard_link'] },
    { name: 'FIFO inside the root', path: 'fifo', reasons: ['not_a_file'] },
    { name: 'directory as a file', path: 'sub', reasons: ['not_a_file'] },
    { name: 'file used as a directory', path: 'victim.txt/x.txt', reasons: ['not_a_directory'] },
  ];
}

for (const strategy of ['proc-fd', 'portable'] as const) {
  describe(`sandbox attack corpus (${strategy})`, () => {
    let tree: SandboxTree;
    let sandbox: FsSandbox;
    let before: Record<string, string>;
    let attacks: Attack[];

    beforeAll(async () => {
      tree = await buildSandboxTree();
      sandbox = await createFsSandbox({ root: tree.root, strategy });
      before = await snapshot(tree.base);
      attacks = corpus(tree);
    });
    afterAll(async () => {
      await tree.remove();
    });

    it('has at least 30 distinct attacks', () => {
      expect(attacks.length).toBeGreaterThanOrEqual(30);
      expect(new Set(attacks.map((a) => a.name)).size).toBe(attacks.length);
    });

    it('refuses every attack for writes and reads with a SandboxError naming the problem', async () => {
      const outcomes: string[] = [];
      for (const attack of attacks) {
        for (const op of ['write', 'read'] as const) {
          const run =
            op === 'write'
              ? sandbox.writeFile(attack.path as string, 'pwned\n')
              : sandbox.readFile(attack.path as string);
          const error = await run.then(
            () => undefined,
            (e: unknown) => e,
          );
          if (!(error instanceof SandboxError)) {
            outcomes.push(`${op} ${attack.name}: ${error === undefined ? 'ACCEPTED' : String(error)}`);
            continue;
          }
          expect(error.code).toBe('SANDBOX_REJECTED');
          expect(error.message).toMatch(/^Sandbox refused/);
          // Reads of a missing target may stop at "not found" before the write-only check.
          if (!attack.reasons.includes(error.reason)) {
            outcomes.push(
              `${op} ${attack.name}: reason ${error.reason}, expected ${attack.reasons.join('|')}`,
            );
          }
        }
      }
      expect(outcomes).toEqual([]);
      console.log(`${strategy}: ${attacks.length} attacks x 2 operations refused`);
    });

    it('left everything outside the root, and the root itself, exactly as it was', async () => {
      expect(await snapshot(tree.base)).toEqual(before);
      expect(existsSync(join(tree.base, '..', '..', 'kzb-escape.txt'))).toBe(false);
      expect(existsSync('/tmp/kzb-escape.txt')).toBe(false);
    });
  });
}
