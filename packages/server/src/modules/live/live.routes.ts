import { ScanParamsSchema, type UserLiveSnapshot } from '@cloudsweep/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser, signedInUser } from '../../auth/require-user.js';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import type { ScanEventBus } from '../../events/scan-events.js';
import { DEFAULT_LIVE_OPTIONS, LiveHub, type LiveOptions } from './live-hub.js';
import { findScanState, isOwnScan, listActiveScanStates } from './live.repository.js';
import { runStream, type StreamSpec } from './live.service.js';
import { openSse } from './sse-connection.js';

function lastEventIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers['last-event-id'];
  return typeof header === 'string' ? header : undefined;
}

/** Open streams by user: each entry ends one. */
type OpenStreams = Map<string, Set<() => void>>;

/**
 * Hands the response to a stream; a failure after the headers went out can only end it. A user
 * already holding the most streams allowed gets a 429 (plain JSON: nothing was sent yet).
 */
function stream(hub: LiveHub, open: OpenStreams, request: FastifyRequest, reply: FastifyReply, spec: StreamSpec): FastifyReply {
  const mine = open.get(spec.userId) ?? new Set<() => void>();
  if (mine.size >= hub.options.maxStreamsPerUser) {
    throw new AppError('rate_limited', `At most ${hub.options.maxStreamsPerUser} live streams can be open at once for one user; close another tab or stream first`);
  }
  const connection = openSse(reply);
  const end = (): void => connection.end();
  mine.add(end);
  open.set(spec.userId, mine);
  connection.onClose(() => {
    mine.delete(end);
    if (mine.size === 0 && open.get(spec.userId) === mine) open.delete(spec.userId);
  });
  runStream(hub, connection, spec).catch((error: unknown) => {
    request.log.error({ err: error }, 'live stream failed');
    connection.end();
  });
  return reply;
}

/**
 * Server-sent events: `GET /api/scans/:id/events` (one scan, ends with it) and `GET /api/events`
 * (every scan of the user). Event format and ids: packages/contract/src/live.ts.
 */
export function registerLiveRoutes(app: FastifyInstance, deps: { db: Db; events: ScanEventBus }, options: Partial<LiveOptions> = {}): LiveHub {
  const hub = new LiveHub(deps.events, { ...DEFAULT_LIVE_OPTIONS, ...options });
  const db = deps.db.kysely;
  const open: OpenStreams = new Map();
  // Open streams would hold app.close() forever: end them (clients reconnect elsewhere).
  app.addHook('preClose', async () => {
    for (const end of [...open.values()].flatMap((ends) => [...ends])) end();
    hub.close();
  });
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/scans/:id/events', { preValidation: requireUser, schema: { params: ScanParamsSchema } }, async (request, reply) => {
    const userId = signedInUser(request).id;
    const scanId = request.params.id;
    // Checked before the stream starts, so a stranger's or unknown scan is a plain JSON 404.
    if (!(await isOwnScan(db, userId, scanId))) throw notFound('The scan');
    return stream(hub, open, request, reply, {
      userId,
      scanId,
      lastEventId: lastEventIdOf(request),
      loadSnapshot: async () => {
        const state = await findScanState(db, userId, scanId);
        if (!state) throw notFound('The scan');
        return { data: state, states: [state] };
      },
    });
  });
  typed.get('/api/events', { preValidation: requireUser }, async (request, reply) => {
    const userId = signedInUser(request).id;
    return stream(hub, open, request, reply, {
      userId,
      lastEventId: lastEventIdOf(request),
      loadSnapshot: async () => {
        const scans = await listActiveScanStates(db, userId);
        return { data: { scans } satisfies UserLiveSnapshot, states: scans };
      },
    });
  });
  return hub;
}
