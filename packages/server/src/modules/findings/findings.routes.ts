import {
  AccountIdParamsSchema, DiffQuerySchema, ExportQuerySchema, FindingsPageSchema, FindingsQuerySchema, LatestFindingsPageSchema,
  ScanDiffSchema, ScanFindingsSummarySchema, ScanParamsSchema,
} from '@cloudsweep/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { requireUser, signedInUser } from '../../auth/require-user.js';
import type { Database } from '../../db/schema.js';
import { exportScan } from './findings-export.service.js';
import { summarizeScan } from './findings-summary.service.js';
import { diffScan, listLatestAccountFindings, listScanFindings } from './findings.service.js';

export function registerFindingsRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/scans/:id/findings',
    { preValidation: requireUser, schema: { params: ScanParamsSchema, querystring: FindingsQuerySchema, response: { 200: FindingsPageSchema } } },
    async (request) => listScanFindings(db, signedInUser(request).id, request.params.id, request.query),
  );
  api.get(
    '/api/accounts/:id/findings/latest',
    { preValidation: requireUser, schema: { params: AccountIdParamsSchema, querystring: FindingsQuerySchema, response: { 200: LatestFindingsPageSchema } } },
    async (request) => listLatestAccountFindings(db, signedInUser(request).id, request.params.id, request.query),
  );
  api.get(
    '/api/scans/:id/summary',
    { preValidation: requireUser, schema: { params: ScanParamsSchema, response: { 200: ScanFindingsSummarySchema } } },
    async (request) => summarizeScan(db, signedInUser(request).id, request.params.id),
  );
  api.get(
    '/api/scans/:id/diff',
    { preValidation: requireUser, schema: { params: ScanParamsSchema, querystring: DiffQuerySchema, response: { 200: ScanDiffSchema } } },
    async (request) => diffScan(db, signedInUser(request).id, request.params.id, request.query),
  );
  api.get(
    '/api/scans/:id/export',
    { preValidation: requireUser, schema: { params: ScanParamsSchema, querystring: ExportQuerySchema } },
    async (request, reply) => {
      const exported = await exportScan(db, signedInUser(request).id, request.params.id, request.query.format);
      return reply
        .header('content-type', exported.contentType)
        .header('content-disposition', `attachment; filename="${exported.filename}"`)
        .header('cache-control', 'no-store')
        .send(exported.body);
    },
  );
}
