import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { clearSessionCookie, SESSION_COOKIE, sessionTokenOf } from './session-cookie.js';
import { resumeSession } from './session.service.js';
import { tokensEqual } from './session-token.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * A cookie is sent by the browser on cross-site form posts too (SameSite=Lax still allows top-level
 * navigations); the token, readable only by our own pages, proves the request came from them.
 */
function checkCsrf(request: FastifyRequest): void {
  const session = request.authSession;
  if (!session || !MUTATING.has(request.method) || request.routeOptions.config.csrfExempt) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !tokensEqual(sent, session.csrfToken)) {
    throw new AppError('csrf_failed', `This request needs the ${CSRF_HEADER} header of your session; reload the page and try again`);
  }
}

async function resolveSession(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const hadCookie = request.cookies[SESSION_COOKIE] !== undefined;
  const token = sessionTokenOf(request);
  const session = token === undefined ? null : await resumeSession(db, token);
  request.authSession = session;
  request.user = session?.user ?? null;
  // A dead cookie is cleared so the browser stops sending it.
  if (hadCookie && !session) clearSessionCookie(request, reply);
}

/**
 * Resolves the session on every request (onRequest, so `requireUser` works from any later hook)
 * and enforces CSRF on mutating requests of signed-in sessions before the body is read.
 */
export function installSessionHooks(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('user', null);
  app.decorateRequest('authSession', null);
  app.addHook('onRequest', async (request, reply) => {
    await resolveSession(db, request, reply);
    checkCsrf(request);
  });
}
