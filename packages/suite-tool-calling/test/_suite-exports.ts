export { createPermissionPolicy } from '@kaizen-bench/agent';
export type { DangerLevel } from '@kaizen-bench/agent';
export type { ToolCallingSubject, ToolCallingWorkload } from '../src/index';
