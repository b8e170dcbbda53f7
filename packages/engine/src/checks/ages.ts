// Date and age arithmetic shared by the checks that judge how old something is.

export const DAY_MS = 86_400_000;

/** Days (with fraction) from `then` to `now`; negative when `then` is later. */
export function daysSince(then: Date | number, now: Date): number {
  return (now.getTime() - new Date(then).getTime()) / DAY_MS;
}

/** The UTC calendar day of a time, e.g. `2024-05-01`. */
export function isoDay(time: Date | number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * How long ago `subject` was taken, e.g. "Snapshot snap-1 was taken on 2024-05-01, 214 days
 * ago"; undefined when the SDK gave no (or no readable) time.
 */
export function takenAge(subject: string, taken: Date | string | undefined, now: Date): { days: number; text: string } | undefined {
  const time = taken ? new Date(taken).getTime() : Number.NaN;
  if (Number.isNaN(time)) return undefined;
  const days = daysSince(time, now);
  return { days, text: `${subject} was taken on ${isoDay(time)}, ${Math.floor(days)} days ago` };
}
