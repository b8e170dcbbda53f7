import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { installAuth } from './auth/install-auth.js';
import { frameworkErrors, installErrorHandling } from './errors.js';
import { InProcessScanEventBus, type ScanEventBus } from './events/scan-events.js';
import { DatabaseJobQueue } from './jobs/database-job-queue.js';
import type { JobQueue } from './jobs/job-queue.js';
import { registerAccountRoutes } from './modules/accounts/accounts.routes.js';
import { registerCatalogueRoutes } from './modules/catalogue/catalogue.routes.js';
import { registerFindingsRoutes } from './modules/findings/findings.routes.js';
import type { LiveOptions } from './modules/live/live-hub.js';
import { registerLiveRoutes } from './modules/live/live.routes.js';
import { registerScanRoutes } from './modules/scans/scans.routes.js';
import { registerOpenApi, registerOpenApiUi } from './openapi.js';
import { registerRateLimits, type RateLimitBackend } from './rate-limits.js';
import { SampleAws } from './sample/sample-aws.js';
import type { Keyring } from './secrets/keyring.js';
import { registerWebApp } from './web-app.js';

/** The dependencies with their defaults filled in, as feature modules receive them. */
type ResolvedDependencies = AppDependencies & {
  readonly jobs: JobQueue;
  readonly events: ScanEventBus;
  readonly sample: SampleAws | undefined;
};

function resolveDependencies(deps: AppDependencies): ResolvedDependencies {
  return {
    ...deps,
    jobs: deps.jobs ?? new DatabaseJobQueue(deps.db),
    events: deps.events ?? new InProcessScanEventBus(),
    // Starts nothing until a sample scan asks for its endpoint.
    sample: deps.sample ?? (deps.config.sampleAccount ? new SampleAws() : undefined),
  };
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
  /** SSE heartbeat and resume window; tests shorten them. */
  readonly live?: Partial<LiveOptions>;
  /** Encrypts AWS secrets; without it the account routes are not registered (tests of other areas). */
  readonly keyring?: Keyring;
  /** The simulator behind the sample account; a lazy one when absent and config.sampleAccount is on. Stopped on close. */
  readonly sample?: SampleAws;
  /** Sees every route as it is added (tests sweep the whole API with it). */
  readonly onRoute?: (route: RouteOptions) => void;
}

/** Builds the API from explicit dependencies; never listens (tests use `inject`). */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const resolved = resolveDependencies(deps);
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.config.http.trustProxy,
    bodyLimit: deps.config.http.bodyLimitBytes,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    genReqId: () => crypto.randomUUID(),
    // Longer than any id, so an oversized id reaches the params schema (400) instead of the router.
    routerOptions: { maxParamLength: 500 },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // Every body is JSON: text/plain would otherwise reach the schemas as a string instead of a 415.
  app.removeContentTypeParser('text/plain');
  await registerOpenApi(app);
  await app.register(cookie);
  await registerRateLimits(app, deps.config.rateLimits, deps.rateLimitBackend);
  // Before the session hook: the dashboard's files and pages need no session lookup per request.
  await registerWebApp(app, deps.config.web.distDir);
  await installAuth(app, deps);
  if (deps.keyring) registerAccountRoutes(app, { db: deps.db.kysely, keyring: deps.keyring, config: deps.config });
  app.addHook('onClose', async () => resolved.sample?.stop());
  registerCatalogueRoutes(app);
  registerFindingsRoutes(app, deps.db.kysely);
  registerLiveRoutes(app, resolved, deps.live);
  registerScanRoutes(app, resolved);
  app.get('/api/health', async () => {
    // Reachability only: probes come every few seconds, so nothing that grows with a table.
    await sql`select 1`.execute(deps.db.kysely);
    return { status: 'ok', database: deps.db.kind };
  });
  await registerOpenApiUi(app);
  return app;
}
