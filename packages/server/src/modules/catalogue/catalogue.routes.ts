import { CheckCatalogueSchema, RegionListSchema } from '@cloudsweep/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/require-user.js';
import { listChecks, listRegions } from './catalogue.service.js';

/** What a scan can be asked to do: the engine's checks and the regions it knows. Same for every user. */
export function registerCatalogueRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/checks', { preValidation: requireUser, schema: { response: { 200: CheckCatalogueSchema } } }, async () => listChecks());
  api.get('/api/regions', { preValidation: requireUser, schema: { response: { 200: RegionListSchema } } }, async () => listRegions());
}
