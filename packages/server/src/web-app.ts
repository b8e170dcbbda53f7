import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Every file of the build by URL path (`/assets/index-abc.js`); a build is a few files. */
function listFiles(root: string): Set<string> {
  const files = new Set<string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.add('/' + relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return files;
}

function pathOf(url: string): string | undefined {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
}

/**
 * A browser navigation (or curl): an extensionless path asked for as HTML or anything. A missing
 * `/x.js` stays a 404 rather than an HTML page the browser would try to run.
 */
function isPageRequest(path: string, accept: string | undefined): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last.includes('.')) return false;
  return accept === undefined || accept.includes('text/html') || accept.includes('*/*');
}

/**
 * Serves the built dashboard at `/` when `distDir` holds one (API tests need no build). It adds
 * no routes: an onRequest hook answers GET/HEAD outside /api with a file of the build, or with
 * index.html for page navigations (the SPA's own paths, like /scans/:id). Everything else, /api
 * 404s included, goes on to the API and its JSON error shape.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  const files = listFiles(distDir);
  await app.register(fastifyStatic, { root: distDir, serve: false });

  const answer = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = pathOf(request.url);
    if (path === undefined || path === '/api' || path.startsWith('/api/')) return false;
    if (path !== '/index.html' && files.has(path)) {
      // Vite names assets by content hash: they never change, so browsers may keep them.
      const hashed = path.startsWith('/assets/');
      void reply.sendFile(path.slice(1), { maxAge: hashed ? '365d' : 0, immutable: hashed });
      return true;
    }
    if (!isPageRequest(path, request.headers.accept)) return false;
    // Always revalidated, so a new deployment's asset names are picked up at once.
    void reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    return true;
  };
  app.addHook('onRequest', (request, reply, done) => {
    // Answered here: the lifecycle stops (done is not called) and the file streams out.
    if (!answer(request, reply)) done();
  });
  return true;
}
