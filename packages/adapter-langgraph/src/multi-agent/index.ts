export { createLanggraphMultiAgentSuite } from './suite';
export {
  createLanggraphMultiAgentSubject,
  LANGGRAPH_MULTI_AGENT_SUBJECT_NAME,
  LANGGRAPH_MULTI_AGENT_UNSUPPORTED,
} from './subject';
