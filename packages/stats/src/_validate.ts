import { EmptySamplesError, InvalidOptionError, InvalidSampleError } from './errors';

/** Throws unless `samples` is a non-empty array of finite numbers >= 0. */
export function assertSamples(samples: readonly number[], label = 'samples'): void {
  if (!Array.isArray(samples)) throw new InvalidOptionError(label, typeof samples, 'an array of numbers');
  if (samples.length === 0) throw new EmptySamplesError(label);
  for (let i = 0; i < samples.length; i++) {
    const value = samples[i];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new InvalidSampleError(label, i, value);
    }
  }
}

/** Throws unless `value` is a probability strictly between 0 and 1. */
export function assertOpenUnit(name: string, value: number): void {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new InvalidOptionError(name, value, 'a number strictly between 0 and 1');
  }
}

/** Throws unless `value` is a finite number > 0. */
export function assertPositive(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError(name, value, 'a finite number > 0');
  }
}

/** Throws unless `value` is an integer >= min. */
export function assertInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidOptionError(name, value, `an integer >= ${min}`);
  }
}

/** Throws unless `value` is a finite number (a PRNG seed). */
export function assertSeed(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidOptionError(name, value, 'a finite number');
  }
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(name: string, value: T, allowed: readonly T[]): void {
  if (!allowed.includes(value)) {
    throw new InvalidOptionError(name, value, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
}

/** Ascending copy as a Float64Array (numeric sort, no comparator cost). */
export function sortedCopy(samples: readonly number[]): Float64Array {
  return Float64Array.from(samples).sort();
}
