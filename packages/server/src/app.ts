import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { installAuth } from './auth/install-auth.js';
import { installErrorHandling } from './errors.js';
import { registerRateLimits, type RateLimitBackend } from './rate-limits.js';

export interface AppDependencies {
  readonly config: Config;
  readonly db: Db;
  /** Logger options; tests pass false, main passes a redacting pino config. */
  readonly logger?: boolean | object;
  /** Shared rate-limit counters (Redis) for many processes; in-memory when absent. */
  readonly rateLimitBackend?: RateLimitBackend;
}

/** Builds the API from explicit dependencies; never listens (tests use `inject`). */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.config.http.trustProxy,
    bodyLimit: deps.config.http.bodyLimitBytes,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await app.register(cookie);
  await registerRateLimits(app, deps.config.rateLimits, deps.rateLimitBackend);
  await installAuth(app, deps);
  app.get('/api/health', async () => {
    await deps.db.kysely.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return { status: 'ok', database: deps.db.kind };
  });
  return app;
}
