/** Checkpoint ids: a zero-padded sequence then a UTC timestamp, so string order is save order. */
const ID_PATTERN = /^(\d{12})-(\d{8})T(\d{6})(\d{3})Z$/;
export const FILE_EXTENSION = '.ckpt';
export const TEMP_SUFFIX = '.tmp';

export interface ParsedId {
  sequence: number;
  createdAt: Date;
}

export function formatId(sequence: number, date: Date): string {
  const stamp = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d{3})Z$/, '$1Z');
  return `${sequence.toString().padStart(12, '0')}-${stamp}`;
}

export function parseId(id: string): ParsedId | undefined {
  const m = ID_PATTERN.exec(id);
  if (!m) return undefined;
  const [, seq, ymd, hms, ms] = m as unknown as [string, string, string, string, string];
  const iso = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}T${hms.slice(0, 2)}:${hms.slice(2, 4)}:${hms.slice(4)}.${ms}Z`;
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime())) return undefined;
  return { sequence: Number(seq), createdAt };
}

/** The id a checkpoint file name carries, or undefined for anything else in the directory. */
export function idFromFileName(name: string): string | undefined {
  if (!name.endsWith(FILE_EXTENSION)) return undefined;
  const id = name.slice(0, -FILE_EXTENSION.length);
  return parseId(id) ? id : undefined;
}

/** Temp files start with a dot so no listing of checkpoints ever sees them. */
export function tempFileName(id: string): string {
  return `.${id}.${process.pid}${TEMP_SUFFIX}`;
}

export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}
