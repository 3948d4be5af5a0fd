import { expect, it } from 'vitest';
import {
  defaultLlamaThreads,
  isLlama32OneBGguf,
  isLlama32OneBOllamaTag,
  sameOllamaModel,
} from '../src/index';

it('recognises Llama 3.2 1B Ollama tags only', () => {
  expect(isLlama32OneBOllamaTag('llama3.2:1b')).toBe(true);
  expect(isLlama32OneBOllamaTag('llama3.2:1b-instruct-q4_K_M')).toBe(true);
  expect(isLlama32OneBOllamaTag('llama3.2')).toBe(false);
  expect(isLlama32OneBOllamaTag('llama3.2:latest')).toBe(false);
  expect(isLlama32OneBOllamaTag('llama3.2:3b')).toBe(false);
  expect(isLlama32OneBOllamaTag('llama3.2:10b')).toBe(false);
});

it('recognises Llama 3.2 1B GGUF files by name or metadata', () => {
  expect(isLlama32OneBGguf('Llama-3.2-1B-Instruct-Q4_K_M.gguf')).toBe(true);
  expect(isLlama32OneBGguf('llama3.2-1b.gguf')).toBe(true);
  expect(isLlama32OneBGguf('Llama-3.2-3B-Instruct.gguf')).toBe(false);
  expect(isLlama32OneBGguf('model.gguf', { 'general.name': 'Llama 3.2 1B Instruct' })).toBe(true);
  expect(
    isLlama32OneBGguf('model.gguf', { 'general.basename': 'Llama-3.2', 'general.size_label': '1B' }),
  ).toBe(true);
  expect(
    isLlama32OneBGguf('model.gguf', { 'general.basename': 'Llama-3.2', 'general.size_label': '3B' }),
  ).toBe(false);
});

it('matches Ollama model names with and without :latest', () => {
  expect(sameOllamaModel('mistral', 'mistral:latest')).toBe(true);
  expect(sameOllamaModel('llama3.2:1b', 'llama3.2:1b')).toBe(true);
  expect(sameOllamaModel('llama3.2', 'llama3.2:1b')).toBe(false);
});

it('uses 1 llama.cpp thread on <= 2 cores, else min(4, cores - 1)', () => {
  expect([1, 2, 3, 4, 8, 64].map((c) => defaultLlamaThreads(c))).toEqual([1, 1, 2, 3, 4, 4]);
});
