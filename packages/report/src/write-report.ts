import { basename, dirname, resolve } from 'node:path';
import { writeFileAtomically } from '@kaizen-bench/harness';
import { ReportError } from './errors';

/**
 * Writes a rendered report so a reader (or a browser reload) sees the old file or the new one, never half of
 * one: the harness's atomic write (temp file in the same directory, fsync, rename). Creates the directory.
 * Returns the absolute path and the size in bytes.
 * @throws ReportError `REPORT_WRITE_FAILED`; an earlier file at `path` is left intact.
 */
export async function writeReport(path: string, html: string): Promise<{ path: string; bytes: number }> {
  const target = resolve(path);
  try {
    await writeFileAtomically(dirname(target), basename(target), html);
  } catch (error) {
    // The file system's own words (the harness error wraps them), said once.
    const cause =
      (error as Error).cause instanceof Error ? ((error as Error).cause as Error) : (error as Error);
    throw new ReportError(
      'REPORT_WRITE_FAILED',
      `cannot write report ${target}: ${cause.message}; check the directory exists or can be created and is writable`,
      { cause: error },
    );
  }
  return { path: target, bytes: Buffer.byteLength(html, 'utf8') };
}
