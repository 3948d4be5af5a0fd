export { createLanggraphInterruptsSuite } from './suite';
export {
  createLanggraphInterruptsSubject,
  LANGGRAPH_INTERRUPTS_SUBJECT_NAME,
  LANGGRAPH_UNSUPPORTED_SOURCES,
} from './subject';
