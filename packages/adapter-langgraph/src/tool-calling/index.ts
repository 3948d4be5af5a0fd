export { createLanggraphToolCallingSuite } from './suite';
export {
  createLanggraphToolCallingSubject,
  LANGGRAPH_NO_PERMISSION_LAYER,
  LANGGRAPH_TOOL_CALLING_SUBJECT_NAME,
} from './subject';
