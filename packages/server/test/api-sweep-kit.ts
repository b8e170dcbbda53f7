// The app's own list of routes (from an onRoute hook), for suites that sweep every route.
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { expect } from 'vitest';

export interface SweptRoute {
  method: string;
  url: string;
  /** Has a `requireUser` hook: signed-out calls must answer 401. */
  signedIn: boolean;
  hasBody: boolean;
  hasQuery: boolean;
  hasParams: boolean;
}

export interface RouteCollector {
  onRoute: (route: RouteOptions) => void;
  routes: SweptRoute[];
}

function hookNames(hooks: unknown): string[] {
  const list: unknown[] = Array.isArray(hooks) ? hooks : [hooks];
  return list.map((hook) => (typeof hook === 'function' ? hook.name : ''));
}

/** Collects every route as it is added, except HEAD twins and the docs (their own suite covers them). */
export function routeCollector(): RouteCollector {
  const routes: SweptRoute[] = [];
  const onRoute = (route: RouteOptions): void => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || route.url.startsWith('/api/docs')) continue;
      const schema = route.schema ?? {};
      routes.push({
        method,
        url: route.url,
        signedIn: hookNames(route.preValidation).includes('requireUser'),
        hasBody: schema.body !== undefined,
        hasQuery: schema.querystring !== undefined,
        hasParams: route.url.includes(':'),
      });
    }
  };
  return { onRoute, routes };
}

export const routeKey = (route: { method: string; url: string }): string => `${route.method} ${route.url}`;

/** Our one error shape, with no stack trace and no file path in it. */
export function expectOurError(response: LightMyRequestResponse, status: number, code?: string): void {
  const context = `${response.statusCode} ${response.body.slice(0, 500)}`;
  expect(response.statusCode, context).toBe(status);
  expect(response.headers['content-type'], context).toMatch(/^application\/json/);
  const body = response.json<{ error?: { code?: unknown; message?: unknown; requestId?: unknown } }>();
  expect(Object.keys(body), context).toEqual(['error']);
  expect(typeof body.error?.message, context).toBe('string');
  expect(body.error?.requestId, context).toMatch(/^[0-9a-f-]{36}$/);
  if (code) expect(body.error?.code, context).toBe(code);
  expectNoLeak(response);
}

export function expectNoLeak(response: LightMyRequestResponse): void {
  expect(response.body, response.body).not.toMatch(/\n\s+at /);
  expect(response.body, response.body).not.toMatch(/\/(work|home|src|node_modules)\/|\.ts:\d+|\.js:\d+/);
}
