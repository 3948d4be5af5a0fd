/**
 * Whether an Ollama model tag is Llama 3.2 1B, the model the benchmark targets were set for
 * (`llama3.2:1b`, `llama3.2:1b-instruct-q8_0`, ...). `llama3.2` / `llama3.2:latest` is the 3B model.
 */
export function isLlama32OneBOllamaTag(model: string): boolean {
  return /^llama3\.2:1b(?:$|-)/i.test(model.trim());
}

/** Whether a GGUF file name or its metadata (general.name / basename / size_label) says Llama 3.2 1B. */
export function isLlama32OneBGguf(fileName: string, metadata?: Record<string, unknown>): boolean {
  const pattern = /llama[\s._-]*3\.2[\s._-]*1b/i;
  if (pattern.test(fileName)) return true;
  if (!metadata) return false;
  const name = String(metadata['general.name'] ?? '');
  const basename = String(metadata['general.basename'] ?? '');
  const size = String(metadata['general.size_label'] ?? '');
  return (
    pattern.test(name) || (/llama[\s._-]*3\.2/i.test(`${basename} ${name}`) && /^1(\.\d+)?B$/i.test(size))
  );
}

/** Compares Ollama model names, treating a missing tag as `:latest`. */
export function sameOllamaModel(a: string, b: string): boolean {
  const norm = (m: string) => (m.includes(':') ? m : `${m}:latest`).toLowerCase();
  return norm(a) === norm(b);
}
