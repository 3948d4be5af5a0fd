import { stripVTControlCharacters } from 'node:util';

/** Milliseconds with precision that suits the magnitude: 1234 -> "1234", 12.345 -> "12.3", 0.01234 -> "0.0123". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(3);
}

export function formatRate(opsPerSec: number): string {
  if (opsPerSec >= 1e6) return `${(opsPerSec / 1e6).toFixed(2)}M`;
  if (opsPerSec >= 1e3) return `${(opsPerSec / 1e3).toFixed(1)}k`;
  return opsPerSec.toFixed(opsPerSec >= 100 ? 0 : 1);
}

export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

/** Lays out rows as aligned columns; `widthOf` ignores ANSI colour codes. */
export function renderColumns(header: string[], rows: string[][]): string {
  const widthOf = (text: string) => stripVTControlCharacters(text).length;
  const widths = header.map((title, col) =>
    Math.max(widthOf(title), ...rows.map((row) => widthOf(row[col] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => cell + ' '.repeat((widths[col] ?? 0) - widthOf(cell)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
