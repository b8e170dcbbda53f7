import { LoginBodySchema, NoBodySchema, RegisterBodySchema, SessionResponseSchema, type SessionResponse } from '@cloudsweep/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { auditOrigin } from '../audit/audit.service.js';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { createAuthLimits } from '../rate-limits.js';
import { registerUser, signIn, signOut, type SignedIn } from './auth.service.js';
import { requireUser } from './require-user.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { endSession } from './session.service.js';

/**
 * Sign-in and sign-up carry no CSRF token (there is no session yet). A cross-site HTML form can
 * only send form, multipart or text/plain bodies; requiring JSON forces a CORS preflight.
 */
async function requireJsonBody(request: FastifyRequest): Promise<void> {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new AppError('unsupported_media_type', 'Send JSON with Content-Type: application/json');
}

function sessionBody(signedIn: SignedIn): SessionResponse {
  return { user: signedIn.user, csrfToken: signedIn.session.csrfToken };
}

export function registerAuthRoutes(app: FastifyInstance, db: Kysely<Database>, config: Config): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const limits = createAuthLimits(app, config.rateLimits);
  const open = { config: { csrfExempt: true }, onRequest: requireJsonBody };

  const registerSchema = { body: RegisterBodySchema, response: { 201: SessionResponseSchema } };
  routes.post('/api/auth/register', { ...open, preHandler: limits.signUp, schema: registerSchema }, async (request, reply) => {
    const signedIn = await registerUser(db, request.body, auditOrigin(request));
    await dropPreviousSession(db, request);
    setSessionCookie(request, reply, signedIn.session);
    return reply.status(201).send(sessionBody(signedIn));
  });

  const loginSchema = { body: LoginBodySchema, response: { 200: SessionResponseSchema } };
  routes.post('/api/auth/login', { ...open, preHandler: limits.signIn, schema: loginSchema }, async (request, reply) => {
    const signedIn = await signIn(db, request.body, auditOrigin(request));
    await dropPreviousSession(db, request);
    setSessionCookie(request, reply, signedIn.session);
    return sessionBody(signedIn);
  });

  routes.post('/api/auth/logout', { preValidation: requireUser, schema: { body: NoBodySchema } }, async (request, reply) => {
    if (request.authSession) await signOut(db, request.authSession, auditOrigin(request));
    clearSessionCookie(request, reply);
    return reply.status(204).send();
  });

  routes.get('/api/auth/me', { preValidation: requireUser, schema: { response: { 200: SessionResponseSchema } } }, async (request) => {
    const session = request.authSession;
    if (!session) throw new AppError('unauthenticated', 'Sign in to continue');
    return { user: session.user, csrfToken: session.csrfToken };
  });
}

/** Signing in again from a signed-in browser replaces its session rather than leaving it behind. */
async function dropPreviousSession(db: Kysely<Database>, request: FastifyRequest): Promise<void> {
  if (request.authSession) await endSession(db, request.authSession.idHash);
}
