/**
 * How much harm a tool can do, lowest first: `safe` (no side effects, e.g. a calculator), `low` (reads),
 * `medium` (writes in scope), `high` (deletes, sends, spends), `critical` (irreversible or system-wide).
 */
export type DangerLevel = 'safe' | 'low' | 'medium' | 'high' | 'critical';

/** Every {@link DangerLevel}, lowest first. */
export const DANGER_LEVELS: readonly DangerLevel[] = ['safe', 'low', 'medium', 'high', 'critical'];

/** Position of `level` in {@link DANGER_LEVELS} (0 = safe), or -1 for anything else. */
export function dangerRank(level: unknown): number {
  return DANGER_LEVELS.indexOf(level as DangerLevel);
}

/** Whether `value` is a {@link DangerLevel}. */
export function isDangerLevel(value: unknown): value is DangerLevel {
  return dangerRank(value) >= 0;
}
