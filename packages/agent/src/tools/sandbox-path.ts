import { SandboxError, type SandboxRejection } from './errors';

/** Longest path the sandbox accepts by default, in characters. */
export const DEFAULT_MAX_PATH_LENGTH = 1024;
/** Longest path segment, in UTF-8 bytes (Linux NAME_MAX). */
export const MAX_SEGMENT_BYTES = 255;

/**
 * Characters allowed in a segment: letters, marks and digits of any script, and `_ . - + @ = , ~` and space.
 * Everything else is refused: separators other than `/`, `%` (encoded forms), control characters, look-alike
 * punctuation such as the full-width solidus.
 */
const SEGMENT = /^[\p{L}\p{M}\p{N}_.\-+@=,~ ]+$/u;
const ENCODED = /%[0-9a-f]{2}|%u[0-9a-f]{4}/i;
const DRIVE = /^[a-zA-Z]:/;

function rejectPath(reason: SandboxRejection, path: string, problem: string, fix: string): never {
  const shown = JSON.stringify(path.length > 80 ? `${path.slice(0, 77)}...` : path);
  throw new SandboxError(reason, path, `Sandbox refused path ${shown}: ${problem} — ${fix}`);
}

/**
 * Checks a path given to a sandboxed tool, without touching the filesystem, and returns its segments. A path
 * must be relative to the sandbox root, use `/` between segments, and contain no `.` or `..` segment, no empty
 * segment, no NUL byte, no backslash, no percent-encoding and only the characters of {@link SEGMENT}.
 * @throws SandboxError with the `reason` of the first check that failed.
 */
export function checkSandboxPath(path: unknown, maxLength: number = DEFAULT_MAX_PATH_LENGTH): string[] {
  if (typeof path !== 'string') {
    throw new SandboxError(
      'not_a_string',
      String(path),
      `Sandbox refused path: expected a string, got ${typeof path}`,
    );
  }
  const fix = 'pass a path relative to the sandbox root, like "notes/today.txt"';
  if (path === '') rejectPath('empty', path, 'it is empty', fix);
  if (path.includes('\0')) rejectPath('nul_byte', path, 'it contains a NUL byte', 'remove it');
  if (path.length > maxLength) {
    rejectPath(
      'too_long',
      path,
      `it is ${path.length} characters, more than ${maxLength}`,
      'use a shorter path',
    );
  }
  if (path.startsWith('/') || DRIVE.test(path)) rejectPath('absolute', path, 'it is absolute', fix);
  if (path.includes('\\'))
    rejectPath('backslash', path, 'it contains a backslash', 'separate segments with "/"');
  if (ENCODED.test(path))
    rejectPath('encoded', path, 'it contains percent-encoding', 'pass the path decoded');
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '')
      rejectPath('empty_segment', path, 'it has an empty segment ("//" or a trailing "/")', fix);
    if (segment === '.' || segment === '..') {
      rejectPath('dot_segment', path, `it has a "${segment}" segment`, `${fix}, without "." or ".."`);
    }
    if (!SEGMENT.test(segment)) {
      rejectPath(
        'invalid_character',
        path,
        `segment ${JSON.stringify(segment)} has a character outside letters, digits and _ . - + @ = , ~ space`,
        'rename it',
      );
    }
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) {
      rejectPath(
        'segment_too_long',
        path,
        `a segment is longer than ${MAX_SEGMENT_BYTES} bytes`,
        'shorten it',
      );
    }
  }
  return segments;
}
