import type { FastifyServerOptions } from 'fastify';

export type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/**
 * Redacted wherever they might appear in a log line: credentials in headers and any field named
 * like a secret. Fastify's request serializer logs no headers or bodies today; this keeps a
 * later `log.info({ req })` or `{ body }` from leaking them.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  '*.password',
  '*.*.password',
  'secretAccessKey',
  '*.secretAccessKey',
  'sessionToken',
  '*.sessionToken',
  'csrfToken',
  '*.csrfToken',
];

/** Pino options for `buildApp({ logger })` in main.ts; tests add an in-memory `stream`. */
export function loggerOptions(level: string): LoggerOptions {
  return { level, redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' } };
}
