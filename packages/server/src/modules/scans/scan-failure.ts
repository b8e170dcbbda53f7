import type { ScanErrorDetails } from '@cloudsweep/contract';
import { ScanSetupError } from '@cloudsweep/engine';
import { isPermanentError } from '../../jobs/job-queue.js';
import { SecretError } from '../../secrets/secret-error.js';

/** A failed attempt as the scan records it: a message for people, facts for support. */
export interface ScanFailure {
  readonly retryable: boolean;
  readonly message: string;
  readonly details: ScanErrorDetails;
  /** AWS asked us to slow down: wait at least this long before the next attempt. */
  readonly retryAfterMs?: number;
}

const THROTTLED = /throttl|rate exceeded|requestlimitexceeded|toomanyrequests|slowdown/i;

function awsFacts(error: unknown): ScanErrorDetails {
  if (!(error instanceof Error)) return {};
  const meta = (error as { $metadata?: { httpStatusCode?: number; requestId?: string } }).$metadata;
  const nodeCode = (error as { code?: unknown }).code;
  const code = typeof nodeCode === 'string' && error.name === 'Error' ? nodeCode : error.name;
  return {
    awsErrorCode: code,
    ...(meta?.httpStatusCode !== undefined ? { httpStatus: meta.httpStatusCode } : {}),
    ...(meta?.requestId !== undefined ? { requestId: meta.requestId } : {}),
  };
}

const LEAD: Readonly<Record<string, string>> = {
  'access-denied': 'AWS refused access to this account',
  credentials: 'AWS did not accept this account’s credentials',
  network: 'AWS could not be reached',
  unavailable: 'AWS had a temporary problem',
  'invalid-options': 'The scan options are not valid',
};

function setupFailure(error: ScanSetupError, base: ScanErrorDetails): ScanFailure {
  const details = { ...base, ...error.details };
  const retryable = error.code === 'network' || error.code === 'unavailable';
  const lead = LEAD[error.code] ?? 'The scan could not start';
  const throttled = THROTTLED.test(details.awsErrorCode ?? '');
  return { retryable, message: `${lead}. ${error.message}`, details, ...(throttled ? { retryAfterMs: 5_000 } : {}) };
}

/** Decides whether an attempt's error is worth another attempt, and says what happened. */
export function describeFailure(error: unknown, base: ScanErrorDetails): ScanFailure {
  if (error instanceof ScanSetupError) return setupFailure(error, base);
  if (error instanceof SecretError) {
    return { retryable: false, message: 'The stored credentials of this account could not be decrypted; enter them again', details: { ...base, step: 'decrypting credentials' } };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isPermanentError(error)) return { retryable: false, message, details: base };
  return { retryable: true, message: `The scan stopped unexpectedly: ${message}`, details: { ...base, ...awsFacts(error) } };
}
