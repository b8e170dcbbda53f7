import type { ErrorCode } from '@cloudsweep/contract';

/** The server's codes plus the two failures that happen before an answer can be read. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'invalid_response';

/** A failed request in the API's one error shape; the message is for people, details for support. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly requestId: string | undefined = undefined,
    /** From the Retry-After header (or the details) of a 429. */
    readonly retryAfterSeconds: number | undefined = undefined,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The message to show for any thrown value; never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong in the page; reload and try again.';
}

/** `details.fields` of a validation_failed answer, as `{ path, message }`. */
export function fieldProblems(error: unknown): Array<{ path: string; message: string }> {
  if (!(error instanceof ApiError)) return [];
  const fields = error.details['fields'];
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((f: unknown) => {
    if (typeof f !== 'object' || f === null) return [];
    const { path, message } = f as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}
