export { createLanggraphExecutionSuite } from './suite';
export { createLanggraphExecutionSubject, LANGGRAPH_EXECUTION_SUBJECT_NAME } from './subject';
export { KaizenChatModel, toChatMessage } from './chat-model';
export type {
  KaizenChatGeneration,
  KaizenChatModelCallOptions,
  KaizenChatModelOptions,
  KaizenModelCall,
} from './chat-model';
