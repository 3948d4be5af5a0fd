export type {
  OllamaTestServer,
  OllamaTestServerOptions,
  OllamaTestServerRequest,
} from './ollama-test-server';
export { OLLAMA_TEST_SERVER_VERSION, startOllamaTestServer } from './ollama-test-server';
