import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { installAuth } from './auth/install-auth.js';
import { installErrorHandling } from './errors.js';
import { InProcessScanEventBus, type ScanEventBus } from './events/scan-events.js';
import { DatabaseJobQueue } from './jobs/database-job-queue.js';
import type { JobQueue } from './jobs/job-queue.js';
import { registerRateLimits, type RateLimitBackend } from './rate-limits.js';

/** The dependencies with their defaults filled in, as feature modules receive them. */
export type ResolvedDependencies = AppDependencies & { readonly jobs: JobQueue; readonly events: ScanEventBus };

export function resolveDependencies(deps: AppDependencies): ResolvedDependencies {
  return { ...deps, jobs: deps.jobs ?? new DatabaseJobQueue(deps.db), events: deps.events ?? new InProcessScanEventBus() };
}

export interface AppDependencies {
  readonly config: Config;
  readonly db: Db;
  /** Logger options; tests pass false, main passes a redacting pino config. */
  readonly logger?: boolean | object;
  /** Shared rate-limit counters (Redis) for many processes; in-memory when absent. */
  readonly rateLimitBackend?: RateLimitBackend;
  /** Background work; the embedded queue on this database when absent (enqueue only: workers start in main). */
  readonly jobs?: JobQueue;
  /** Live scan events for SSE; in-process when absent. */
  readonly events?: ScanEventBus;
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
