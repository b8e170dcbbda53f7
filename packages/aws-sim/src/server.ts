import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorResponse, execute, isRegionEnabled } from './dispatch.js';
import { FaultInjector } from './faults.js';
import type { SimAccount } from './model.js';
import { disabledRegionError, faultError } from './protocols/standard-errors.js';
import type { ServiceDef, SimRequest, SimResponse, SimState } from './protocols/types.js';
import { actionOf, routeOf } from './routing.js';
import { SERVICES } from './services/registry.js';
import { StatsRecorder } from './stats.js';
import { EC2_HEAVY_ACTIONS, TokenBuckets } from './throttle.js';
import type { ThrottleConfig } from './types.js';
import { hasEc2Filter } from './protocols/query-params.js';

export interface SimServerConfig {
  account: SimAccount;
  faults: FaultInjector;
  stats: StatsRecorder;
  latencyMs: number;
  throttle: ThrottleConfig | undefined;
}

interface ServerEnv extends SimServerConfig {
  buckets: TokenBuckets | undefined;
  state: SimState;
  delay(ms: number): Promise<void>;
}

/** The HTTP front: reads the request, applies latency, region, fault and throttle rules, then dispatches. */
export function createSimServer(config: SimServerConfig): { server: Server; cancelPending(): void } {
  const timers = new Set<NodeJS.Timeout>();
  const env: ServerEnv = {
    ...config,
    buckets: config.throttle ? new TokenBuckets(config.throttle) : undefined,
    state: { credentialReportRequests: 0 },
    delay: (ms) => new Promise((resolve) => {
      const timer = setTimeout(() => { timers.delete(timer); resolve(); }, ms);
      timers.add(timer);
    }),
  };
  const server = createServer((req, res) => {
    handle(env, req, res).catch((error: unknown) => send(res, { status: 500, headers: { 'content-type': 'text/plain' }, body: String(error) }));
  });
  const cancelPending = (): void => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  return { server, cancelPending };
}

async function handle(env: ServerEnv, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://sim');
  if (url.pathname.startsWith('/_sim/')) return send(res, admin(req.method ?? 'GET', url.pathname, env.stats));
  const route = routeOf(req.headers, url.searchParams, url.pathname);
  const def = route ? SERVICES[route.service] : undefined;
  if (!route || !def) return send(res, missingAuth());
  const simReq = buildRequest(req, url, body, def, route);
  env.stats.call(route.service, route.region, simReq.action);
  if (env.latencyMs > 0) await env.delay(env.latencyMs);
  const ctx = {
    account: env.account, state: env.state, region: route.region, requestId: randomUUID(),
    notePage: (depth: number) => env.stats.page(depth),
  };
  const refusal = refuse(env, def, simReq, ctx.requestId);
  if (refusal === 'hang') return; // a "timeout" fault: keep the socket open until the client gives up
  send(res, refusal ?? execute(def, simReq, ctx));
}

/** Region, fault and throttle checks, in the order AWS would apply them. */
function refuse(env: ServerEnv, def: ServiceDef, req: SimRequest, requestId: string): SimResponse | 'hang' | undefined {
  if (!def.global && !isRegionEnabled(env.account, req.region)) return errorResponse(def, disabledRegionError(def.protocol), requestId);
  const call = { service: def.id, action: req.action, principalArn: `arn:aws:iam::${env.account.accountId}:user/cloudsweep-scanner` };
  const fault = env.faults.pick({ ...call, region: req.region });
  if (fault) {
    env.stats.fault();
    if (fault.kind === 'timeout') return 'hang';
    return errorResponse(def, faultError(def.protocol, fault.kind, call), requestId);
  }
  if (env.buckets && def.id === 'ec2') {
    const heavy = EC2_HEAVY_ACTIONS.has(req.action) && !req.params.has('MaxResults') && !hasEc2Filter(req.params);
    if (!env.buckets.take(req.region, req.action, heavy)) {
      env.stats.throttled();
      // EC2's real throttling answer, the same one a throttle fault gives.
      return errorResponse(def, faultError('ec2', 'throttle', call), requestId);
    }
  }
  return undefined;
}

function buildRequest(req: IncomingMessage, url: URL, body: string, def: ServiceDef, route: { service: string; region: string }): SimRequest {
  const isQuery = def.protocol === 'ec2' || def.protocol === 'query';
  const params = isQuery ? new URLSearchParams(body === '' ? url.search : body) : new URLSearchParams();
  const simReq: SimRequest = {
    method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, params,
    service: route.service, region: route.region, action: '',
  };
  simReq.action = actionOf(def, simReq) ?? 'Unknown';
  return simReq;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  const body = Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  res.end(body);
}

function admin(method: string, path: string, stats: StatsRecorder): SimResponse {
  const json = (status: number, value: object): SimResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
  if (method === 'GET' && path === '/_sim/stats') return json(200, stats.snapshot());
  if (method === 'POST' && path === '/_sim/reset-stats') {
    stats.reset();
    return json(200, { ok: true });
  }
  return json(404, { error: `unknown admin route ${method} ${path}` });
}

function missingAuth(): SimResponse {
  const body = '<ErrorResponse><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message></Error><RequestId>0</RequestId></ErrorResponse>';
  return { status: 403, headers: { 'content-type': 'text/xml' }, body };
}
