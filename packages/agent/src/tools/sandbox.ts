import { constants, type Stats } from 'node:fs';
import { access, type FileHandle, lstat, open, readlink, realpath, stat, unlink } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { SandboxConfigError, SandboxError, type SandboxRejection } from './errors';
import { checkSandboxPath, DEFAULT_MAX_PATH_LENGTH } from './sandbox-path';

/**
 * How files are opened inside the root.
 * - `proc-fd` (Linux): walks the path one directory at a time from an open descriptor of the root, each step
 *   `open(/proc/self/fd/<dir>/<segment>, O_DIRECTORY | O_NOFOLLOW)` — an `openat` emulation — so a symlink
 *   anywhere in the path is refused and a component swapped for a symlink after it was checked cannot redirect
 *   the open. Then the file with `O_NOFOLLOW`, then `readlink(/proc/self/fd/<file>)` must lie inside the root.
 * - `portable` (other POSIX systems): `realpath` of the parent must equal its lexical path (no symlinks), the file
 *   is opened with `O_NOFOLLOW`, and after opening the parent's realpath and the file's device/inode are checked
 *   again; a mismatch is refused (and a file it created is removed).
 */
export type SandboxStrategy = 'proc-fd' | 'portable';

/** Largest file written or read by default, bytes. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Options of {@link createFsSandbox}. */
export interface FsSandboxOptions {
  /** An existing directory; its real path is the root. */
  root: string;
  /** Largest file written or read, bytes. @default 1048576 */
  maxFileBytes?: number;
  /** Longest path accepted, characters. @default 1024 */
  maxPathLength?: number;
  /** @default 'proc-fd' on Linux, else 'portable' */
  strategy?: SandboxStrategy;
  /** Mode of files the sandbox creates. @default 0o644 */
  fileMode?: number;
  /**
   * Called after the path checks and the parent directory's resolution, right before the file itself is
   * opened: lets a test change the filesystem between check and use. Not for production use.
   */
  beforeOpen?: (path: string) => void | Promise<void>;
}

/** What a sandboxed write returns. */
export interface SandboxWriteResult {
  path: string;
  bytes: number;
}

/** What a sandboxed read returns. */
export interface SandboxReadResult {
  path: string;
  content: string;
  bytes: number;
}

const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_DIRECTORY } = constants;
const DIR_FLAGS = O_RDONLY | O_DIRECTORY | O_NOFOLLOW;
// O_NONBLOCK: opening a FIFO must not hang (it is then refused as not a regular file).
const READ_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
const WRITE_FLAGS = O_WRONLY | O_NOFOLLOW | O_NONBLOCK;

interface Opened {
  file: FileHandle;
  stats: Stats;
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function refuse(reason: SandboxRejection, path: string, problem: string, cause?: unknown): SandboxError {
  const shown = JSON.stringify(path.length > 80 ? `${path.slice(0, 77)}...` : path);
  return new SandboxError(
    reason,
    path,
    `Sandbox refused ${shown}: ${problem}`,
    cause ? { cause } : undefined,
  );
}

/**
 * A directory that sandboxed tools may read and write in, and nothing outside it. Paths are checked lexically
 * (`checkSandboxPath`), then opened without following any symlink, then the opened file is checked again: it
 * must be a regular file with one link (no hard link to a file elsewhere), inside the root, within the size cap.
 * Refusals are {@link SandboxError}s (`SANDBOX_REJECTED`, with a `reason`). Create it with {@link createFsSandbox}.
 */
export class FsSandbox {
  /** Real path of the root. */
  readonly root: string;
  readonly strategy: SandboxStrategy;
  readonly maxFileBytes: number;
  readonly maxPathLength: number;
  private readonly rootPrefix: string;
  private readonly fileMode: number;
  private readonly beforeOpen: FsSandboxOptions['beforeOpen'];

  /** Use {@link createFsSandbox}: `root` must already be a real path. */
  constructor(root: string, options: Omit<FsSandboxOptions, 'root'> & { strategy: SandboxStrategy }) {
    this.root = root;
    this.rootPrefix = root.endsWith(sep) ? root : root + sep;
    this.strategy = options.strategy;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.maxPathLength = options.maxPathLength ?? DEFAULT_MAX_PATH_LENGTH;
    this.fileMode = options.fileMode ?? 0o644;
    this.beforeOpen = options.beforeOpen;
  }

  /**
   * Writes `content` to `path` (relative to the root), creating or replacing the file; its directory must exist.
   * @throws SandboxError when the path or the file is refused; nothing is written then.
   */
  async writeFile(
    path: string,
    content: string | Uint8Array,
    options: { signal?: AbortSignal } = {},
  ): Promise<SandboxWriteResult> {
    const segments = checkSandboxPath(path, this.maxPathLength);
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (data.byteLength > this.maxFileBytes) {
      throw refuse(
        'too_large',
        path,
        `${data.byteLength} bytes is more than the ${this.maxFileBytes}-byte cap`,
      );
    }
    const { file, stats } = await this.openInside(path, segments, 'write', options.signal);
    try {
      options.signal?.throwIfAborted();
      let written = 0;
      while (written < data.byteLength) {
        const { bytesWritten } = await file.write(data, written, data.byteLength - written, written);
        written += bytesWritten;
      }
      if (stats.size > data.byteLength) await file.truncate(data.byteLength);
    } finally {
      await file.close();
    }
    return { path, bytes: data.byteLength };
  }

  /**
   * Reads `path` (relative to the root) as UTF-8.
   * @throws SandboxError when the path or the file is refused (missing: reason `not_found`).
   */
  async readFile(path: string, options: { signal?: AbortSignal } = {}): Promise<SandboxReadResult> {
    const segments = checkSandboxPath(path, this.maxPathLength);
    const { file, stats } = await this.openInside(path, segments, 'read', options.signal);
    try {
      if (stats.size > this.maxFileBytes) {
        throw refuse('too_large', path, `${stats.size} bytes is more than the ${this.maxFileBytes}-byte cap`);
      }
      options.signal?.throwIfAborted();
      // One byte more than fstat said: a file that grew since is noticed and read on, up to the cap + 1.
      let buffer = Buffer.allocUnsafe(Math.min(stats.size, this.maxFileBytes) + 1);
      let total = 0;
      for (;;) {
        const want = buffer.length - total;
        const { bytesRead } = await file.read(buffer, total, want, total);
        total += bytesRead;
        if (bytesRead < want || total > this.maxFileBytes) break; // a short read of a regular file is its end
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, this.maxFileBytes + 1));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      if (total > this.maxFileBytes) {
        throw refuse('too_large', path, `it grew past the ${this.maxFileBytes}-byte cap while being read`);
      }
      return { path, content: buffer.toString('utf8', 0, total), bytes: total };
    } finally {
      await file.close();
    }
  }

  private inside(real: string): boolean {
    return real.startsWith(this.rootPrefix);
  }

  private openInside(
    path: string,
    segments: string[],
    mode: 'read' | 'write',
    signal: AbortSignal | undefined,
  ): Promise<Opened> {
    signal?.throwIfAborted();
    return this.strategy === 'proc-fd'
      ? this.openWithProcFd(path, segments, mode, signal)
      : this.openPortable(path, segments, mode, signal);
  }

  /** Opens the last segment in `dir` (a path) without following a symlink; creates it for writes. */
  private async openFinal(
    target: string,
    path: string,
    mode: 'read' | 'write',
  ): Promise<{ file: FileHandle; created: boolean }> {
    try {
      if (mode === 'read') return { file: await open(target, READ_FLAGS), created: false };
      // Replacing an existing file is the common case: open it first, create it (exclusively) only if absent.
      for (let attempt = 0; ; attempt++) {
        try {
          return { file: await open(target, WRITE_FLAGS), created: false };
        } catch (error) {
          if (errno(error) !== 'ENOENT' || attempt > 0) throw error;
        }
        try {
          return { file: await open(target, WRITE_FLAGS | O_CREAT | O_EXCL, this.fileMode), created: true };
        } catch (error) {
          if (errno(error) !== 'EEXIST') throw error; // created by someone else meanwhile: open that
        }
      }
    } catch (error) {
      switch (errno(error)) {
        case 'ELOOP':
          throw refuse('symlink', path, 'it is a symbolic link — symlinks are not followed', error);
        case 'EISDIR':
          throw refuse('not_a_file', path, 'it is a directory', error);
        case 'ENXIO':
        case 'ENODEV':
        case 'EOPNOTSUPP':
          throw refuse('not_a_file', path, 'it is not a regular file', error);
        case 'ENOENT':
          throw refuse('not_found', path, 'no such file', error);
        case 'ENOTDIR':
          throw refuse('not_a_directory', path, 'a parent is not a directory', error);
        default:
          throw error;
      }
    }
  }

  /** Post-open checks shared by both strategies: a regular file with one link. */
  private async checkOpened(file: FileHandle, path: string): Promise<Stats> {
    const stats = await file.stat();
    if (!stats.isFile()) throw refuse('not_a_file', path, 'it is not a regular file');
    if (stats.nlink > 1)
      throw refuse('hard_link', path, 'it has other hard links, which may lie outside the root');
    return stats;
  }

  private async openWithProcFd(
    path: string,
    segments: string[],
    mode: 'read' | 'write',
    signal: AbortSignal | undefined,
  ): Promise<Opened> {
    const dirs: FileHandle[] = [];
    try {
      let dir: FileHandle;
      try {
        dir = await open(this.root, DIR_FLAGS);
      } catch (error) {
        throw refuse(
          'not_a_directory',
          path,
          `the sandbox root ${this.root} is no longer a directory`,
          error,
        );
      }
      dirs.push(dir);
      const parents = segments.length - 1;
      for (let i = 0; i < parents; i++) {
        signal?.throwIfAborted();
        const next = `/proc/self/fd/${dir.fd}/${segments[i]}`;
        try {
          dir = await open(next, DIR_FLAGS);
        } catch (error) {
          const code = errno(error);
          if (code === 'ENOENT')
            throw refuse('missing_parent', path, `directory "${segments[i]}" does not exist`);
          if (code === 'ENOTDIR' || code === 'ELOOP') {
            const link = await lstat(next).then(
              (s) => s.isSymbolicLink(),
              () => false,
            );
            throw link
              ? refuse(
                  'symlink',
                  path,
                  `"${segments[i]}" is a symbolic link — symlinks are not followed`,
                  error,
                )
              : refuse('not_a_directory', path, `"${segments[i]}" is not a directory`, error);
          }
          throw error;
        }
        dirs.push(dir);
      }
      await this.beforeOpen?.(path);
      signal?.throwIfAborted();
      const target = `/proc/self/fd/${dir.fd}/${segments[parents]}`;
      const { file, created } = await this.openFinal(target, path, mode);
      try {
        // The kernel's name for what was opened must be inside the root.
        const [real, stats] = await Promise.all([
          readlink(`/proc/self/fd/${file.fd}`),
          this.checkOpened(file, path).then(
            (s) => ({ s }),
            (error: unknown) => ({ error }),
          ),
        ]);
        if (!this.inside(real)) {
          if (created) await unlink(target).catch(() => {});
          throw refuse('outside_root', path, 'it resolved outside the sandbox root while being opened');
        }
        if ('error' in stats) throw stats.error;
        return { file, stats: stats.s };
      } catch (error) {
        await file.close();
        throw error;
      }
    } finally {
      // Off the critical path: the file is open, the directories are no longer needed.
      void Promise.all(dirs.map((d) => d.close())).catch(() => {});
    }
  }

  private async openPortable(
    path: string,
    segments: string[],
    mode: 'read' | 'write',
    signal: AbortSignal | undefined,
  ): Promise<Opened> {
    const lexicalParent = join(this.root, ...segments.slice(0, -1));
    let parent: string;
    try {
      parent = await realpath(lexicalParent);
    } catch (error) {
      if (errno(error) === 'ENOENT')
        throw refuse('missing_parent', path, 'its directory does not exist', error);
      if (errno(error) === 'ENOTDIR')
        throw refuse('not_a_directory', path, 'a parent is not a directory', error);
      if (errno(error) === 'ELOOP') throw refuse('symlink', path, 'a parent is a symbolic link loop', error);
      throw error;
    }
    if (parent !== lexicalParent) {
      throw refuse('symlink', path, 'a parent directory is a symbolic link — symlinks are not followed');
    }
    if (!(await stat(parent)).isDirectory())
      throw refuse('not_a_directory', path, 'a parent is not a directory');
    await this.beforeOpen?.(path);
    signal?.throwIfAborted();
    const target = join(parent, segments[segments.length - 1]!);
    const { file, created } = await this.openFinal(target, path, mode);
    try {
      const stats = await this.checkOpened(file, path);
      // Re-check after opening: the parent still has no symlink, and the name still names what was opened.
      const [parentNow, named] = await Promise.all([
        realpath(lexicalParent).catch(() => ''),
        lstat(target).catch(() => undefined),
      ]);
      if (parentNow !== lexicalParent || named?.ino !== stats.ino || named?.dev !== stats.dev) {
        if (created) {
          // Best effort: remove what was created, only if the name still leads to it.
          const now = await stat(target).catch(() => undefined);
          if (now?.ino === stats.ino && now?.dev === stats.dev) await unlink(target).catch(() => {});
        }
        throw refuse('outside_root', path, 'the path changed while it was being opened');
      }
      return { file, stats };
    } catch (error) {
      await file.close();
      throw error;
    }
  }
}

/**
 * Creates a sandbox rooted at an existing directory.
 * @throws SandboxConfigError when the root is missing or not a directory, or the platform has no `O_NOFOLLOW`.
 */
export async function createFsSandbox(options: FsSandboxOptions): Promise<FsSandbox> {
  if (O_NOFOLLOW === undefined || O_DIRECTORY === undefined) {
    throw new SandboxConfigError(
      `The fs sandbox needs O_NOFOLLOW, which ${process.platform} lacks — use Linux or macOS`,
    );
  }
  let root: string;
  try {
    root = await realpath(options.root);
  } catch (error) {
    throw new SandboxConfigError(`Sandbox root ${options.root} does not exist — create the directory first`, {
      cause: error,
    });
  }
  if (!(await stat(root)).isDirectory()) {
    throw new SandboxConfigError(`Sandbox root ${options.root} is not a directory — pass a directory`);
  }
  const strategy = options.strategy ?? (await defaultStrategy());
  if (strategy === 'proc-fd' && (await defaultStrategy()) !== 'proc-fd') {
    throw new SandboxConfigError("Sandbox strategy 'proc-fd' needs Linux's /proc/self/fd — use 'portable'");
  }
  return new FsSandbox(root, { ...options, strategy });
}

async function defaultStrategy(): Promise<SandboxStrategy> {
  if (process.platform !== 'linux') return 'portable';
  return access('/proc/self/fd').then(
    () => 'proc-fd',
    () => 'portable',
  );
}
