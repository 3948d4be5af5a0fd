import { readFileSync } from 'node:fs';
import type { MachinePressure } from './types';

/** Cumulative stall times, µs, from Linux pressure stall information (PSI). */
interface PressureTotals {
  cpuSome: number;
  ioSome: number;
  ioFull: number;
}

/** The `total=` of the `some` or `full` line of a /proc/pressure file. */
function totalOf(text: string, line: 'some' | 'full'): number | undefined {
  const match = new RegExp(`^${line} .*total=(\\d+)`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

function readTotals(): PressureTotals | undefined {
  try {
    const cpu = readFileSync('/proc/pressure/cpu', 'utf8');
    const io = readFileSync('/proc/pressure/io', 'utf8');
    const cpuSome = totalOf(cpu, 'some');
    const ioSome = totalOf(io, 'some');
    const ioFull = totalOf(io, 'full');
    if (cpuSome === undefined || ioSome === undefined || ioFull === undefined) return undefined;
    return { cpuSome, ioSome, ioFull };
  } catch {
    // Not Linux, or a kernel without PSI (CONFIG_PSI off, or psi=0): no reading, nothing to report.
    return undefined;
  }
}

const share = (stallUs: number, wallUs: number) =>
  wallUs > 0 ? Math.min(1, Math.max(0, stallUs / wallUs)) : 0;

/**
 * Starts reading how contended the machine is, for the span until the returned function is called: the
 * share of wall time in which some task waited for a CPU (`cpu_some`), and in which some / all non-idle
 * tasks waited for I/O (`io_some`, `io_full`), from /proc/pressure. Machine-wide, this process included:
 * a benchmark alone on an idle machine reads near 0 for CPU. Returns undefined where PSI is not available.
 */
export function startPressureReading(): () => MachinePressure | undefined {
  const before = readTotals();
  const t0 = process.hrtime.bigint();
  return () => {
    if (!before) return undefined;
    const after = readTotals();
    if (!after) return undefined;
    const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
    return {
      cpu_some: share(after.cpuSome - before.cpuSome, wallUs),
      io_some: share(after.ioSome - before.ioSome, wallUs),
      io_full: share(after.ioFull - before.ioFull, wallUs),
    };
  };
}
