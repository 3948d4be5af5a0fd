import { loadavg } from 'node:os';
import { BYTES_PER_GB } from './constants';
import { EnvironmentSnapshotError } from './errors';

/**
 * The machine a run was measured on, as read at run time. Holds no host name, user name, serial number
 * or UUID, so results can be shared.
 */
export interface EnvironmentSnapshot {
  cpu: {
    /** Model name without the vendor, e.g. `EPYC` or `Core(TM) i7-1185G7`. */
    brand: string;
    manufacturer: string;
    physical_cores: number;
    logical_cores: number;
    /** Nominal clock, GHz; 0 when the OS does not report it (common in VMs). */
    speed_ghz: number;
  };
  /** Installed memory, GB (1 GB = 1024^3 bytes). */
  memory_total_gb: number;
  os: {
    /** Node's platform name, e.g. `linux`, `darwin`, `win32`. */
    platform: string;
    distro: string;
    release: string;
    kernel: string;
    arch: string;
  };
  /** The hypervisor or container detected (e.g. `KVM`), or null on bare metal. */
  virtualization: string | null;
  /** `process.version`, e.g. `v20.20.2`. */
  node_version: string;
  /** 1, 5 and 15 minute load averages at capture time ([0, 0, 0] on Windows). */
  load_average: [number, number, number];
  /** ISO 8601 time of the capture. */
  captured_at: string;
}

let cached: Promise<EnvironmentSnapshot> | null = null;

async function captureEnvironment(): Promise<EnvironmentSnapshot> {
  // Loaded lazily: systeminformation is a large module, and monitor users may never need it.
  type Systeminformation = typeof import('systeminformation');
  const imported = (await import('systeminformation')) as Systeminformation & { default?: Systeminformation };
  const si = imported.default ?? imported;
  try {
    const [cpu, mem, os, system] = await Promise.all([si.cpu(), si.mem(), si.osInfo(), si.system()]);
    const [one = 0, five = 0, fifteen = 0] = loadavg();
    return {
      cpu: {
        brand: cpu.brand,
        manufacturer: cpu.manufacturer,
        physical_cores: cpu.physicalCores,
        logical_cores: cpu.cores,
        speed_ghz: cpu.speed || cpu.speedMax || 0,
      },
      memory_total_gb: Math.round((mem.total / BYTES_PER_GB) * 100) / 100,
      os: {
        platform: process.platform,
        distro: os.distro,
        release: os.release,
        kernel: os.kernel,
        arch: os.arch,
      },
      virtualization: system.virtual ? system.virtualHost || 'unknown' : null,
      node_version: process.version,
      load_average: [one, five, fifteen],
      captured_at: new Date().toISOString(),
    };
  } catch (error) {
    throw new EnvironmentSnapshotError({ cause: error });
  }
}

/**
 * Describes this machine through systeminformation (CPU, memory, OS, virtualization) plus Node's version
 * and load average. Measured once per process and cached: later calls return the first snapshot
 * (`captured_at` and `load_average` included). A failed capture is not cached.
 *
 * @throws EnvironmentSnapshotError when systeminformation fails.
 */
export function snapshotEnvironment(): Promise<EnvironmentSnapshot> {
  if (cached === null) {
    cached = captureEnvironment();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}
