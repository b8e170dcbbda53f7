import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { requireUser } from './auth/require-user.js';
import { SESSION_COOKIE } from './auth/session-cookie.js';
import { CSRF_HEADER } from './auth/session-hooks.js';

export const DOCS_PREFIX = '/api/docs';

/**
 * One line per operation, for routes whose schema carries no description of its own (SSE streams
 * and body-less routes have no zod schema to describe them). Keyed `METHOD /url`.
 */
const SUMMARIES: Readonly<Record<string, string>> = {
  'GET /api/health': 'Liveness and database reachability',
  'POST /api/auth/register': 'Create a user and sign in (no CSRF token: there is no session yet)',
  'POST /api/auth/login': 'Sign in; sets the session cookie and returns the CSRF token',
  'POST /api/auth/logout': 'End the current session',
  'GET /api/auth/me': 'The signed-in user and the CSRF token of the session',
  'GET /api/checks': 'The catalogue of checks a scan can run: id, title, kind, severity, service, why it matters, how to fix it',
  'GET /api/regions': 'The region names a scan accepts (besides "all")',
  'GET /api/audit': "The signed-in user's audit events, newest first",
  'GET /api/accounts': "The signed-in user's AWS accounts",
  'POST /api/accounts': 'Connect an AWS account (role or access keys); verified with STS before it is saved',
  'POST /api/accounts/external-id': 'Issue an external id and the trust policy for role setup',
  'POST /api/accounts/sample': 'Create (or return) the simulated sample account',
  'GET /api/accounts/:id': 'One AWS account (never its secret)',
  'POST /api/accounts/:id/credentials': 'Replace the credentials of an account; verified before they are saved',
  'DELETE /api/accounts/:id': 'Delete an account with its scans and findings',
  'GET /api/accounts/:id/findings/latest': 'Findings of the latest completed scan of an account',
  'POST /api/accounts/:id/scans': 'Start a scan, or reuse a recent one of the same scope',
  'GET /api/accounts/:id/scans': 'Scans of an account, newest first',
  'GET /api/scans/:id': 'One scan',
  'POST /api/scans/:id/cancel': 'Cancel a queued or running scan',
  'POST /api/scans/:id/retry': 'Retry a failed or cancelled scan as a new attempt',
  'GET /api/scans/:id/findings': 'Findings of a scan, filtered and paged by cursor',
  'GET /api/scans/:id/summary': 'Counts of a scan by severity, status and service, and estimated savings',
  'GET /api/scans/:id/diff': 'Findings new, fixed or unchanged since the previous completed scan',
  'GET /api/scans/:id/export': 'Download the findings of a scan as CSV, JSON or SARIF',
  'GET /api/scans/:id/events':
    'Server-sent events (text/event-stream) for one scan: a snapshot, then progress until the scan ends. Resume with Last-Event-ID.',
  'GET /api/events':
    'Server-sent events (text/event-stream) for every scan of the signed-in user: a snapshot of active scans, then their progress. Resume with Last-Event-ID.',
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hooksOf(route: RouteOptions): unknown[] {
  const hooks: unknown = route.preValidation;
  return Array.isArray(hooks) ? hooks : [hooks];
}

/** Signed-in routes need the session cookie; their mutating requests also the CSRF header. */
function securityOf(route: RouteOptions, method: string): Array<Record<string, string[]>> {
  if (!hooksOf(route).includes(requireUser)) return [];
  const csrf = MUTATING.has(method) && !route.config?.csrfExempt;
  return [csrf ? { session: [], csrf: [] } : { session: [] }];
}

function tagOf(url: string): string {
  if (/^\/api\/(scans\/:id\/(findings|summary|diff|export)|accounts\/:id\/findings)/.test(url)) return 'findings';
  if (url.endsWith('/events')) return 'live';
  if (url.includes('/scans')) return 'scans';
  return url.split('/')[2] ?? 'api';
}

type DocumentedSchema = FastifySchema & { summary?: string; description?: string; tags?: string[]; security?: unknown };

/** The zod type provider's transform, plus a summary, a tag and the security of every operation. */
const transform: typeof jsonSchemaTransform = (document) => {
  const { route, url } = document;
  const method = (Array.isArray(route.method) ? route.method[0] : route.method) ?? 'GET';
  const original = (document.schema ?? {}) as DocumentedSchema;
  const converted = jsonSchemaTransform({ ...document, schema: original });
  const schema = converted.schema as DocumentedSchema;
  if ((schema as { hide?: boolean }).hide) return converted;
  const summary = original.summary ?? SUMMARIES[`${method} ${url}`];
  return {
    url: converted.url,
    schema: {
      ...schema,
      ...(summary ? { summary } : {}),
      description: original.description ?? summary ?? `${method} ${url}`,
      tags: original.tags ?? [tagOf(url)],
      security: securityOf(route, method),
    } as FastifySchema,
  };
};

/** Must run before any route is registered: @fastify/swagger collects routes as they are added. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cloudsweep API',
        version: '0.1.0',
        description:
          `Sign in with POST /api/auth/login: it sets the \`${SESSION_COOKIE}\` session cookie (HttpOnly) and returns a CSRF token. ` +
          `Every POST, PUT, PATCH and DELETE of a signed-in session must send that token in the \`${CSRF_HEADER}\` header. ` +
          'Every failure answers `{ "error": { "code", "message", "details"?, "requestId" } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie set by sign-in and sign-up.' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: CSRF_HEADER,
            description: 'The csrfToken returned by sign-in, sign-up and GET /api/auth/me; required on mutating requests.',
          },
        },
      },
    },
    transform,
  });
}

/** The UI at /api/docs and the document at /api/docs/json; registered after the routes. */
export async function registerOpenApiUi(app: FastifyInstance): Promise<void> {
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
}
