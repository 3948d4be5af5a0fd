export { DEFAULT_INTERVAL_MS } from './constants';
export { snapshotEnvironment } from './environment';
export {
  EnvironmentSnapshotError,
  MonitorError,
  MonitorOptionsError,
  MonitorProcessNotFoundError,
  MonitorWorkerError,
} from './errors';
export { startMonitor } from './monitor';

export type { EnvironmentSnapshot } from './environment';
export type { MonitorHandle, MonitorOptions } from './monitor';
export type { ResourceReport, SamplingMethod } from './report';
