import type { User } from '@cloudsweep/contract';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { ActiveSession } from './session.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, resolved from the session cookie on every request; null when signed out. */
    user: User | null;
    authSession: ActiveSession | null;
  }
  interface FastifyContextConfig {
    /** Only sign-in and sign-up: there is no session yet to bind a CSRF token to. */
    csrfExempt?: boolean;
  }
}

export type { User as AuthUser } from '@cloudsweep/contract';

/**
 * Route hook for every per-user route: `{ preValidation: requireUser }` (or preHandler). The
 * session was resolved in onRequest, so this works in any hook from onRequest's successors.
 */
export async function requireUser(request: FastifyRequest): Promise<void> {
  signedInUser(request);
}

/** The signed-in user of a request that passed `requireUser`; throws 401 otherwise. */
export function signedInUser(request: FastifyRequest): User {
  if (!request.user) throw new AppError('unauthenticated', 'Sign in to continue');
  return request.user;
}
