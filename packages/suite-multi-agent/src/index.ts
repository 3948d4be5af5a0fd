export { createMultiAgentSuite, MULTI_AGENT_SUITE_ID } from './suite';
export { createReferenceSubject, REFERENCE_SUBJECT_NAME } from './reference-subject';
export { MULTI_AGENT_TEAM } from './data/team';
export { ROUTING_HELD_OUT_SET, ROUTING_SET } from './data/routing-set';
export { DELEGATION_TASKS } from './data/delegation-tasks';
export { A2A_MESSAGE } from './benchmarks/a2a-protocol';
export { MIN_ROUTING_ACCURACY } from './benchmarks/semantic-routing';

export type { MultiAgentSuiteOptions } from './options';
export type { ReferenceSubjectOptions } from './reference-subject';
export type { TeamAgent } from './data/team';
export type { RoutingExample } from './data/routing-set';
export type { DelegationTask } from './data/delegation-tasks';
export type {
  DelegationOutcome,
  MultiAgentBenchmarkId,
  MultiAgentSubject,
  MultiAgentSubjectSource,
  RouteChoice,
  WireExchange,
} from './subject';
