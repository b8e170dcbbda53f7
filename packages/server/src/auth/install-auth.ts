import type { FastifyInstance } from 'fastify';
import { registerAuditRoutes } from '../audit/audit.routes.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { registerAuthRoutes } from './auth.routes.js';
import { preparePasswordChecks } from './password.js';
import { installSessionHooks } from './session-hooks.js';

/**
 * Sessions, CSRF, the auth routes and the audit log. Installed on the root instance (not an
 * encapsulated plugin) so `request.user` and the CSRF check reach every feature's routes.
 */
export async function installAuth(app: FastifyInstance, deps: { config: Config; db: Db }): Promise<void> {
  await preparePasswordChecks();
  installSessionHooks(app, deps.db.kysely);
  registerAuthRoutes(app, deps.db.kysely, deps.config);
  registerAuditRoutes(app, deps.db.kysely);
}
