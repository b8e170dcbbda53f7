import {
  AccountScansParamsSchema,
  ErrorResponseSchema,
  NoBodySchema,
  ScanListQuerySchema,
  ScanPageSchema,
  ScanParamsSchema,
  ScanResponseSchema,
  StartScanBodySchema,
} from '@cloudsweep/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditOrigin } from '../../audit/audit.service.js';
import { requireUser, signedInUser } from '../../auth/require-user.js';
import { createScanStartLimit } from '../../rate-limits.js';
import { cancelScan, getScan, listScans, retryScan, startScan, type Actor, type ScanServiceDeps } from './scans.service.js';

function actorOf(request: FastifyRequest): Actor {
  return { userId: signedInUser(request).id, ...auditOrigin(request) };
}

const errors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };

/** Scan lifecycle routes: start (or reuse), cancel, retry, list per account, get one. */
export function registerScanRoutes(app: FastifyInstance, deps: ScanServiceDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const scanStartLimit = createScanStartLimit(app, deps.config.rateLimits);

  routes.post(
    '/api/accounts/:id/scans',
    {
      preValidation: requireUser,
      preHandler: scanStartLimit,
      schema: { params: AccountScansParamsSchema, body: StartScanBodySchema, response: { 200: ScanResponseSchema, 202: ScanResponseSchema, ...errors } },
    },
    async (request, reply) => {
      const { status, scan } = await startScan(deps, actorOf(request), request.params.id, request.body);
      return reply.status(status).send({ scan });
    },
  );

  routes.post(
    '/api/scans/:id/cancel',
    { preValidation: requireUser, schema: { params: ScanParamsSchema, body: NoBodySchema, response: { 200: ScanResponseSchema, ...errors } } },
    async (request) => ({ scan: await cancelScan(deps, actorOf(request), request.params.id) }),
  );

  routes.post(
    '/api/scans/:id/retry',
    { preValidation: requireUser, schema: { params: ScanParamsSchema, body: NoBodySchema, response: { 202: ScanResponseSchema, ...errors } } },
    async (request, reply) => reply.status(202).send({ scan: await retryScan(deps, actorOf(request), request.params.id) }),
  );

  routes.get(
    '/api/accounts/:id/scans',
    { preValidation: requireUser, schema: { params: AccountScansParamsSchema, querystring: ScanListQuerySchema, response: { 200: ScanPageSchema, ...errors } } },
    async (request) => listScans(deps.db, signedInUser(request).id, request.params.id, request.query),
  );

  routes.get(
    '/api/scans/:id',
    { preValidation: requireUser, schema: { params: ScanParamsSchema, response: { 200: ScanResponseSchema, ...errors } } },
    async (request) => ({ scan: await getScan(deps.db, signedInUser(request).id, request.params.id) }),
  );
}
