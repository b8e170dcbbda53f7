import { supportedRuntime } from './supported-runtime.js';

/** Sorted by id. */
export const lambdaChecks = [supportedRuntime] as const;
