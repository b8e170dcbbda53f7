import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NewSession } from './session.service.js';

export const SESSION_COOKIE = 'cs_session';

function cookieOptions(request: FastifyRequest): CookieSerializeOptions {
  // `request.protocol` honours X-Forwarded-Proto only when trustProxy is configured.
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: request.protocol === 'https' };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(request), expires: session.expiresAt });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The cookie's token when it has the shape we issue; anything else is not worth a lookup. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE];
  return token !== undefined && TOKEN_SHAPE.test(token) ? token : undefined;
}
