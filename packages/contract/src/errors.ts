import { z } from 'zod';

/** Every error the API can answer with; the server maps each to one HTTP status. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'aws_verification_failed',
  'internal',
  'unavailable',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** `{ error: { code, message, details?, requestId } }`: one shape for every failure. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    /** Written for people; never a stack trace. */
    message: z.string(),
    /** Technical facts: field problems, AWS error code and request id, region... */
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
