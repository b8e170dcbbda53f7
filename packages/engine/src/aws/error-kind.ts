/** Why an AWS call failed, in the terms a person reading a scan cares about. */
export type AwsErrorKind =
  | 'access-denied'
  | 'throttled'
  | 'region-disabled'
  | 'timeout'
  | 'network'
  | 'invalid-credentials'
  | 'aborted'
  | 'error';

const ACCESS_DENIED = new Set([
  'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError',
  'UnauthorizedException', 'AllAccessDisabled',
]);
const THROTTLED = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestLimitExceeded',
  'TooManyRequestsException', 'RequestThrottled', 'RequestThrottledException', 'SlowDown',
  'ProvisionedThroughputExceededException', 'BandwidthLimitExceeded', 'LimitExceededException',
]);
// A disabled opt-in region answers as if the credentials did not exist there.
const REGION_DISABLED = new Set(['OptInRequired', 'UnrecognizedClientException', 'InvalidClientTokenId', 'AuthFailure']);
const INVALID_CREDENTIALS = new Set([
  'InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException', 'AuthFailure',
  'ExpiredToken', 'ExpiredTokenException', 'InvalidAccessKeyId', 'CredentialsProviderError',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH']);

export interface ErrorFacts {
  readonly code: string;
  readonly message: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
}

/** Reads code, message, status and request id off an SDK or Node error. */
export function errorFacts(error: unknown): ErrorFacts {
  if (!(error instanceof Error)) return { code: 'Unknown', message: String(error) };
  const meta = (error as { $metadata?: { httpStatusCode?: number; requestId?: string } }).$metadata;
  const nodeCode = (error as { code?: unknown }).code;
  const code = typeof nodeCode === 'string' && error.name === 'Error' ? nodeCode : error.name;
  return {
    code,
    message: error.message,
    ...(meta?.httpStatusCode !== undefined ? { httpStatus: meta.httpStatusCode } : {}),
    ...(meta?.requestId !== undefined ? { requestId: meta.requestId } : {}),
  };
}

/**
 * `inRegionalCall` tells apart "these credentials are unknown here" in one regional call
 * (a disabled region) from the same code on the identity check (bad credentials).
 */
export function classifyAwsError(error: unknown, inRegionalCall = true): AwsErrorKind {
  const { code } = errorFacts(error);
  if (error instanceof Error && (error.name === 'AbortError' || code === 'ABORT_ERR')) return 'aborted';
  if (ACCESS_DENIED.has(code)) return 'access-denied';
  if (THROTTLED.has(code)) return 'throttled';
  if (inRegionalCall && REGION_DISABLED.has(code)) return 'region-disabled';
  if (INVALID_CREDENTIALS.has(code)) return 'invalid-credentials';
  if (code === 'TimeoutError' || code === 'RequestTimeout' || code === 'ETIMEDOUT') return 'timeout';
  if (NETWORK.has(code)) return 'network';
  return 'error';
}

export function isThrottle(error: unknown): boolean {
  return THROTTLED.has(errorFacts(error).code);
}
