import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The instruction totals of callgrind's numbered dumps `<outFile>.1`, `<outFile>.2`, ... in order: entry n-1
 * is what was executed between dump n-1 and dump n (the first one: since the process started). Each dump
 * file states it on its `totals:` line (or `summary:` in older formats).
 */
export async function readDumpTotals(outFile: string): Promise<number[]> {
  const dir = dirname(outFile);
  const stem = `${basename(outFile)}.`;
  const numbers = (await readdir(dir))
    .filter((name) => name.startsWith(stem) && /^\d+$/.test(name.slice(stem.length)))
    .map((name) => Number(name.slice(stem.length)))
    .sort((a, b) => a - b);
  const totals: number[] = [];
  for (const [index, n] of numbers.entries()) {
    if (n !== index + 1) throw new Error(`callgrind dump ${index + 1} is missing (found ${stem}${n})`);
    totals.push(parseTotal(await readFile(join(dir, `${stem}${n}`), 'utf8'), `${stem}${n}`));
  }
  return totals;
}

/** The Ir total of one dump file's text. */
export function parseTotal(text: string, name: string): number {
  const match = /^(?:totals|summary):\s+(\d+)/m.exec(text);
  if (!match?.[1]) throw new Error(`callgrind dump ${name} has no totals line`);
  return Number(match[1]);
}
