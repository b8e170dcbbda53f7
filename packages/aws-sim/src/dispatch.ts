import type { RegionData, SimAccount } from './model.js';
import { ec2Envelope, jsonResponse, queryEnvelope, renderError, xmlResponse } from './protocols/envelopes.js';
import { disabledRegionError, unknownActionError } from './protocols/standard-errors.js';
import { SimError, type Protocol, type ServiceContext, type ServiceDef, type SimRequest, type SimResponse } from './protocols/types.js';

/** Runs one operation and renders its result or its SimError in the service's wire format. */
export function execute(def: ServiceDef, req: SimRequest, ctx: ServiceContext): SimResponse {
  try {
    return run(def, req, ctx);
  } catch (error) {
    if (error instanceof SimError) return errorResponse(def, error, ctx.requestId);
    throw error;
  }
}

/** A SimError in the service's own error format (query services name their xmlns in it). */
export function errorResponse(def: ServiceDef, error: SimError, requestId: string): SimResponse {
  return renderError(def.protocol, error, requestId, 'xmlns' in def ? def.xmlns : '');
}

function run(def: ServiceDef, req: SimRequest, ctx: ServiceContext): SimResponse {
  const { action } = req;
  switch (def.protocol) {
    case 'ec2':
    case 'query': {
      const handler = def.actions[action];
      if (!handler) throw unknownActionError(def.protocol, action);
      const wrap = def.protocol === 'ec2' ? ec2Envelope : queryEnvelope;
      return xmlResponse(wrap(action, def.xmlns, ctx.requestId, handler(req, ctx)), ctx.requestId);
    }
    case 'json': {
      const handler = def.actions[action];
      if (!handler) throw unknownActionError(def.protocol, action);
      return jsonResponse(handler(parseJsonBody(req.body), ctx), ctx.requestId);
    }
    default: {
      const handler = def.actions[action];
      if (!handler) throw unknownActionError(def.protocol, action);
      return handler(req, ctx);
    }
  }
}

function parseJsonBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SimError('SerializationException', 'Could not parse the request body as JSON', 400);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SimError('SerializationException', 'Expected a JSON object', 400);
  return parsed as Record<string, unknown>;
}

export function isRegionEnabled(account: SimAccount, region: string): boolean {
  return account.byRegion[region] !== undefined;
}

/**
 * The account's data in the request's region. The server refuses a disabled region before
 * dispatch; should a handler still get one, it answers as AWS does there.
 */
export function regionDataOf(ctx: ServiceContext, protocol: Protocol): RegionData {
  const data = ctx.account.byRegion[ctx.region];
  if (!data) throw disabledRegionError(protocol);
  return data;
}
