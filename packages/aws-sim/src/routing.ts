import type { IncomingHttpHeaders } from 'node:http';
import type { ServiceDef, SimRequest } from './protocols/types.js';

export interface Route { service: string; region: string }

const SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

/**
 * Like moto, one endpoint serves every service: the SigV4 credential scope names region and
 * service. Signatures are not checked. S3 Control signs as `s3`, so its path tells it apart.
 */
export function routeOf(headers: IncomingHttpHeaders, query: URLSearchParams, path: string): Route | undefined {
  const auth = headers.authorization ?? '';
  const match = SCOPE.exec(auth) ?? SCOPE.exec(`Credential=${query.get('X-Amz-Credential') ?? ''}`);
  if (!match?.[1] || !match[2]) return undefined;
  const signing = match[2];
  const service = signing === 's3' && path.startsWith('/v20180820/') ? 's3-control' : signing;
  return { service, region: match[1] };
}

export function actionOf(def: ServiceDef, req: SimRequest): string | undefined {
  switch (def.protocol) {
    case 'ec2':
    case 'query':
      return req.params.get('Action') ?? undefined;
    case 'json': {
      const target = req.headers['x-amz-target'];
      const value = Array.isArray(target) ? target[0] : target;
      return value?.slice(value.lastIndexOf('.') + 1);
    }
    default:
      return def.route(req);
  }
}
