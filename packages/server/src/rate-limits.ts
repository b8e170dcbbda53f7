import rateLimit, { normalizeIP, type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import { AppError } from './errors.js';

type Limits = Config['rateLimits'];

/**
 * Where counters live. In-memory by default (one process); pass a Redis client (`{ redis }`) so
 * many processes share one budget. Every key below carries its own prefix because the Redis store
 * gives all `createRateLimit` limiters the same namespace.
 */
export type RateLimitBackend = Pick<RateLimitPluginOptions, 'redis' | 'nameSpace'>;

export type RateLimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

function rateLimited(retryAfterSeconds: number, what: string): AppError {
  const seconds = Math.max(1, retryAfterSeconds);
  return new AppError('rate_limited', `${what}; try again in ${seconds} second${seconds === 1 ? '' : 's'}`, {
    retryAfterSeconds: seconds,
  });
}

/** The per-IP limit on every route; it must be registered before any route. */
export async function registerRateLimits(app: FastifyInstance, limits: Limits, backend: RateLimitBackend = {}): Promise<void> {
  await app.register(rateLimit, {
    ...backend,
    global: true,
    max: limits.perMinute,
    timeWindow: 60_000,
    // The plugin has already set Retry-After; our error handler answers in the one error shape.
    errorResponseBuilder: (_request, context) => rateLimited(Math.ceil(context.ttl / 1000), 'Too many requests'),
  });
}

interface LimiterSpec {
  /** Prefixes every key, e.g. `auth.sign_in`. */
  name: string;
  max: number;
  windowMs: number;
  /** What a request is counted against, by dimension (e.g. `ip`, `email`); over in any one refuses it. */
  dimensions: Readonly<Record<string, (request: FastifyRequest) => string>>;
  message: string;
}

/** A preHandler counting each request against several keys at once (e.g. the client IP and the email). */
export function createLimiter(app: FastifyInstance, spec: LimiterSpec): RateLimitHook {
  const limiters = Object.entries(spec.dimensions).map(([dimension, keyOf]) =>
    app.createRateLimit({
      max: spec.max,
      timeWindow: spec.windowMs,
      keyGenerator: (request) => `${spec.name}:${dimension}:${keyOf(request)}`,
    }),
  );
  return async (request, reply) => {
    let retryAfter = 0;
    for (const limiter of limiters) {
      const result = await limiter(request);
      if (!result.isAllowed && result.isExceeded) retryAfter = Math.max(retryAfter, result.ttlInSeconds, 1);
    }
    if (retryAfter > 0) {
      reply.header('retry-after', String(retryAfter));
      throw rateLimited(retryAfter, spec.message);
    }
  };
}

/** The client address as the global limit counts it (an IPv6 /64 is one client). */
export function clientKey(request: FastifyRequest): string {
  return normalizeIP(request.ip);
}

function emailKey(request: FastifyRequest): string {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : '';
}

/**
 * Brute-force limits for sign-in and sign-up: per client IP and per (normalised) email, so
 * guessing one account's password from many addresses, or many accounts from one address,
 * both stop. Use as a preHandler: the email is read from the validated body.
 */
export function createAuthLimits(app: FastifyInstance, limits: Limits): { signIn: RateLimitHook; signUp: RateLimitHook } {
  const spec = { max: limits.authPerMinute, windowMs: 60_000, dimensions: { ip: clientKey, email: emailKey } };
  return {
    signIn: createLimiter(app, { ...spec, name: 'auth.sign_in', message: 'Too many sign-in attempts' }),
    signUp: createLimiter(app, { ...spec, name: 'auth.sign_up', message: 'Too many sign-up attempts' }),
  };
}

/**
 * Scan starts per signed-in user per hour. Use as a preHandler after `requireUser`; the scans
 * module registers it on `POST /api/accounts/:id/scans`.
 */
export function createScanStartLimit(app: FastifyInstance, limits: Limits): RateLimitHook {
  return createLimiter(app, {
    name: 'scan.start',
    max: limits.scanStartsPerHour,
    windowMs: 60 * 60_000,
    dimensions: { user: (request) => request.user?.id ?? clientKey(request) },
    message: 'Too many scans started this hour',
  });
}
