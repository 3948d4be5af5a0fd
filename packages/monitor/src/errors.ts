/** Base class of every error this package throws; `code` is stable across versions. */
export class MonitorError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An option of `startMonitor` is out of range or not supported on this platform. */
export class MonitorOptionsError extends MonitorError {
  constructor(message: string) {
    super('KB_MONITOR_INVALID_OPTIONS', message);
  }
}

/** The process to monitor does not exist (or exited before the sampler's first reading). */
export class MonitorProcessNotFoundError extends MonitorError {
  readonly pid: number;

  constructor(pid: number) {
    super(
      'KB_MONITOR_PROCESS_NOT_FOUND',
      `No process with pid ${pid} to monitor: start the monitor while the process is running.`,
    );
    this.pid = pid;
  }
}

/** The sampler's worker thread failed or exited before it delivered its report. */
export class MonitorWorkerError extends MonitorError {
  constructor(message: string, options?: ErrorOptions) {
    super('KB_MONITOR_WORKER_FAILED', message, options);
  }
}

/** systeminformation could not describe this machine. */
export class EnvironmentSnapshotError extends MonitorError {
  constructor(options?: ErrorOptions) {
    super(
      'KB_MONITOR_ENVIRONMENT_FAILED',
      'Could not read the machine description through systeminformation: see `cause`, then retry.',
      options,
    );
  }
}
