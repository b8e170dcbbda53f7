// One app per database for the route-wide sweeps: every route collected, every log line and every
// response kept, user A owning an account (created through the API with a canary secret key) and a
// completed scan with findings, user B owning nothing.
import type { RunningMoto } from '@cloudsweep/aws-sim/moto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { DatabaseKind } from '../src/db/database.js';
import { insertFindings } from '../src/modules/findings/findings.repository.js';
import { accountsApp, newKeys, send, testKeyring, type AccountBody } from './accounts-test-kit.js';
import { routeCollector, type SweptRoute } from './api-sweep-kit.js';
import { captureLogs, signUp, type SignedInClient } from './auth-test-kit.js';
import { insertScan, syntheticResults } from './findings-test-kit.js';
import { freshDatabase, type TestDatabase } from './test-databases.js';

/** 40 characters, the shape of a secret access key, easy to find. */
export const CANARY = 'CANARYsweepSECRETcanarySWEEPsecret000000';

export interface SweepFixture {
  database: TestDatabase;
  app: FastifyInstance;
  routes: SweptRoute[];
  a: SignedInClient;
  b: SignedInClient;
  account: AccountBody;
  scanId: string;
  /** Strings of A's that must never reach B. */
  secretsOfA: string[];
  lines: string[];
  responses: LightMyRequestResponse[];
  /** `app.inject`, keeping the response for the canary check. */
  call(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function sweepFixture(kind: DatabaseKind, moto: RunningMoto): Promise<SweepFixture> {
  const database = await freshDatabase(kind);
  const { lines, logger } = captureLogs();
  const collector = routeCollector();
  const app = await accountsApp(database, testKeyring(), { AWS_ENDPOINT_URL: moto.url }, { logger, onRoute: collector.onRoute });
  const responses: LightMyRequestResponse[] = [];
  const a = await signUp(app, `sweep-a-${kind}@example.com`);
  const b = await signUp(app, `sweep-b-${kind}@example.com`);
  const keys = { accessKeyId: newKeys().accessKeyId, secretAccessKey: CANARY };
  const created = await send(app, a, 'POST', '/api/accounts', { name: 'Alpha production', mode: 'keys', ...keys });
  responses.push(created);
  expect(created.statusCode, created.body).toBe(201);
  const account = created.json<AccountBody>();
  const db = database.db.kysely;
  const scanId = await insertScan(db, { userId: a.userId, accountId: account.id });
  const findings = syntheticResults(0, 40);
  await insertFindings(db, scanId, findings);
  return {
    database, app, routes: collector.routes, a, b, account, scanId, lines, responses,
    secretsOfA: [account.id, scanId, account.name, a.email, keys.accessKeyId, ...findings.slice(0, 5).map((f) => f.resourceId)],
    call: async (options) => {
      const response = await app.inject(options);
      responses.push(response);
      return response;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The route's url with `:id` replaced by the account or scan id its prefix names. */
export function fillId(url: string, ids: { account: string; scan: string }): string {
  return url.replace(':id', url.startsWith('/api/accounts/') ? ids.account : ids.scan);
}

export function headersOf(client: SignedInClient, body: boolean): Record<string, string> {
  return { cookie: client.cookie, 'x-csrf-token': client.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) };
}
