import { createHash } from 'node:crypto';
import type { LambdaFunction } from '../model.js';
import { regionDataOf } from '../dispatch.js';
import { checkLimit, paginate } from '../paging.js';
import { jsonResponse } from '../protocols/envelopes.js';
import { compact } from '../protocols/json-input.js';
import type { ServiceContext, ServiceDef, SimRequest, SimResponse } from '../protocols/types.js';
import { lambdaTime } from '../time.js';

function functionJson(f: LambdaFunction): object {
  const sha = createHash('sha256').update(f.arn).digest('base64');
  return {
    FunctionName: f.name, FunctionArn: f.arn, Runtime: f.runtime, Role: f.role, Handler: f.handler, CodeSize: f.codeSize, Description: '',
    Timeout: f.timeout, MemorySize: f.memory, LastModified: lambdaTime(f.lastModified), CodeSha256: sha, Version: '$LATEST',
    TracingConfig: { Mode: 'PassThrough' }, RevisionId: sha.slice(0, 36), PackageType: 'Zip', Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 }, SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${f.name}` },
  };
}

/** ListFunctions accepts MaxItems up to 10,000 but never returns more than 50 per page. */
function listFunctions(req: SimRequest, ctx: ServiceContext): SimResponse {
  const asked = checkLimit(req.query.get('MaxItems') ?? undefined, 1, 10_000, 'InvalidParameterValueException', 'MaxItems');
  const limit = Math.min(asked ?? 50, 50);
  const items = regionDataOf(ctx, 'rest-json').lambdas;
  const page = paginate(items, {
    scope: `lambda:${ctx.region}`, token: req.query.get('Marker') ?? undefined, limit, invalidTokenCode: 'InvalidParameterValueException', notePage: ctx.notePage,
  });
  return jsonResponse(compact({ Functions: page.items.map(functionJson), NextMarker: page.nextToken }), ctx.requestId, 200, 'application/json');
}

export const lambdaService: ServiceDef = {
  id: 'lambda', protocol: 'rest-json',
  route: (req) => (req.method === 'GET' && /^\/2015-03-31\/functions\/?$/.test(req.path) ? 'ListFunctions' : undefined),
  actions: { ListFunctions: listFunctions },
};
