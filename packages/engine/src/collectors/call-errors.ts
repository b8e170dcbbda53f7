import { classifyAwsError, errorFacts } from '../aws/error-kind.js';

/** A call that failed for one resource (e.g. AccessDenied), kept as data: checks answer unknown. */
export interface CallError {
  readonly error: string;
}

/**
 * The call's result, or its AWS error code as data so one unreadable detail does not fail the
 * whole collector. A cancelled scan still throws.
 */
export async function orError<T>(signal: AbortSignal, call: Promise<T>): Promise<T | CallError> {
  try {
    return await call;
  } catch (error) {
    if (signal.aborted || classifyAwsError(error) === 'aborted') throw error;
    return { error: errorFacts(error).code };
  }
}

/**
 * For a detail call whose resource may vanish mid-scan: a denied call becomes data (checks answer
 * unknown), one of `goneCodes` means the resource was deleted since the listing (drop it), and
 * anything else throws so the collector fails rather than under-reports.
 */
export function deniedOrGone(error: unknown, goneCodes: readonly string[]): CallError | 'gone' {
  const { code } = errorFacts(error);
  if (classifyAwsError(error) === 'access-denied') return { error: code };
  if (goneCodes.includes(code)) return 'gone';
  throw error;
}
