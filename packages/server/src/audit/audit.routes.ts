import { AuditListQuerySchema, AuditPageSchema } from '@cloudsweep/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { requireUser, signedInUser } from '../auth/require-user.js';
import type { Database } from '../db/schema.js';
import { listOwnAuditEvents } from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    { preValidation: requireUser, schema: { querystring: AuditListQuerySchema, response: { 200: AuditPageSchema } } },
    async (request) => listOwnAuditEvents(db, signedInUser(request).id, request.query),
  );
}
