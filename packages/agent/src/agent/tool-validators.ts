import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { importAjv } from './_ajv';
import { Lazy } from './_lazy';
import { AgentConfigError } from './errors';
import type { ToolDefinition } from './tool';

/**
 * Argument validators of an agent's tools, compiled with ajv on first use, once per tool. ajv itself is
 * imported on the first compile, so an agent that never calls a tool never loads it.
 *
 * ajv runs non-strict (unknown keywords are ignored) and does not check `format`s: tool schemas written for
 * other runtimes keep working.
 */
export class ToolValidators {
  private readonly ajv: Lazy<Ajv>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly tools: readonly ToolDefinition[]) {
    this.ajv = new Lazy(async () => {
      const AjvClass = await importAjv();
      return new AjvClass({ allErrors: true, strict: false, validateFormats: false });
    });
  }

  /** Whether every tool's validator is compiled. */
  get initialized(): boolean {
    return this.tools.length > 0 && this.compiled.size === this.tools.length;
  }

  /** Compiles the validators not compiled yet. */
  async compileAll(): Promise<void> {
    for (const tool of this.tools) await this.validatorFor(tool);
  }

  /**
   * Checks `args` against the tool's `parameters`.
   * @returns undefined when they are valid, else what is wrong, e.g. `arguments must have required property 'path'`
   */
  async validate(tool: ToolDefinition, args: unknown): Promise<string | undefined> {
    const validator = await this.validatorFor(tool);
    if (validator(args)) return undefined;
    return (await this.ajv.get()).errorsText(validator.errors, { dataVar: 'arguments' });
  }

  private async validatorFor(tool: ToolDefinition): Promise<ValidateFunction> {
    const cached = this.compiled.get(tool.name);
    if (cached) return cached;
    const ajv = await this.ajv.get();
    let validator: ValidateFunction;
    try {
      validator = this.compiled.get(tool.name) ?? ajv.compile(tool.parameters);
    } catch (error) {
      throw new AgentConfigError(
        `tools[${this.tools.indexOf(tool)}].parameters`,
        `is not a valid JSON Schema (${error instanceof Error ? error.message : String(error)})`,
        'fix the schema of the tool',
        { cause: error },
      );
    }
    this.compiled.set(tool.name, validator);
    return validator;
  }
}
