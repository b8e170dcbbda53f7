import type { ErrorCode, ErrorResponse } from '@cloudsweep/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const STATUS: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  aws_verification_failed: 422,
  internal: 500,
  unavailable: 503,
};

/** The one error type routes and services throw; its message is written for people. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found`);
}

function body(request: FastifyRequest, code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorResponse {
  return { error: { code, message, ...(details ? { details } : {}), requestId: request.id } };
}

/** Fastify's own errors (bad JSON, body too large, ...) mapped to our codes. */
function fromFastify(error: FastifyError): AppError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'is invalid' }));
    return new AppError('validation_failed', 'The request is not valid: ' + fields.map((f) => `${f.path} ${f.message}`).join('; '), { fields });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send JSON with Content-Type: application/json');
    default:
      return error.statusCode === 429 ? new AppError('rate_limited', 'Too many requests; try again later') : undefined;
  }
}

/**
 * Errors the router raises before any route or hook runs (a path parameter over the length limit,
 * a malformed URL): Fastify's default echoes the path in its own shape; answer in ours.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.status(400).send(body(request, 'bad_request', 'The URL is not valid'));
    return;
  }
  void reply.status(404).send(body(request, 'not_found', 'No such resource'));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = error instanceof AppError ? error : fromFastify(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, known.message);
      return reply.status(known.status).send(body(request, known.code, known.message, known.details));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body(request, 'bad_request', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body(request, 'internal', 'Something went wrong on our side; it has been logged'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(body(request, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
