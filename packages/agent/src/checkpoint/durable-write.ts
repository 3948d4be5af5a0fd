import { open, rename, rm } from 'node:fs/promises';

/** Makes a directory's entries (a rename, a new file) durable. Windows cannot open directories: a no-op there. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `data` to `finalPath` so that a crash at any point leaves either the old state of the directory
 * or the complete new file: write a temp file in the same directory, fsync it, rename it over the final
 * name (atomic on POSIX), fsync the directory so the rename itself survives a power loss.
 */
export async function writeFileDurably(
  tempPath: string,
  finalPath: string,
  dir: string,
  data: Buffer,
): Promise<void> {
  const handle = await open(tempPath, 'wx');
  try {
    // writeFile loops until every byte is written (a single write/writev may be partial).
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(tempPath, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tempPath, finalPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}
