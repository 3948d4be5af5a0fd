import { InvalidArgumentError } from 'commander';

/** Commander argument parser for a whole number >= `min`, with an error that says what was wrong. */
export function integerOption(name: string, min: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min) {
      throw new InvalidArgumentError(`${name} must be a whole number >= ${min}, got "${value}".`);
    }
    return parsed;
  };
}

/** Commander argument parser for a percentage like `5` or `5%` (returned as a fraction, 0.05). */
export function percentOption(name: string) {
  return (value: string): number => {
    const parsed = Number(value.trim().replace(/%$/, ''));
    if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1000) {
      throw new InvalidArgumentError(`${name} must be a percentage such as 5 or 2.5%, got "${value}".`);
    }
    return parsed / 100;
  };
}
