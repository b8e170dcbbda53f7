// Shared set-up for the accounts suites: an app with a key ring, valid-looking AWS keys, and
// request helpers that sign the CSRF header.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp, type AppDependencies } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadKeyring, type Keyring } from '../src/secrets/keyring.js';
import { asUser, RELAXED_LIMITS, type SignedInClient } from './auth-test-kit.js';
import type { TestDatabase } from './test-databases.js';

export function testKeyring(): Keyring {
  return loadKeyring({ dataDir: '/nonexistent-never-used', masterKey: randomBytes(32).toString('base64'), previousMasterKeys: [] });
}

export async function accountsApp(
  database: TestDatabase,
  keyring: Keyring,
  env: Record<string, string> = {},
  extra: Partial<AppDependencies> = {},
): Promise<FastifyInstance> {
  return buildApp({ config: loadConfig({ ...RELAXED_LIMITS, ...env }), db: database.db, keyring, ...extra });
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomUpper(length: number): string {
  return [...randomBytes(length)].map((b) => UPPER[b % 32]).join('');
}

/** A fresh, well-formed key pair (moto accepts any). */
export function newKeys(prefix: 'AKIA' | 'ASIA' = 'AKIA'): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: `${prefix}${randomUpper(16)}`, secretAccessKey: randomBytes(30).toString('base64') };
}

export function send(
  app: FastifyInstance,
  client: SignedInClient,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...asUser(client) };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

export interface AccountBody {
  id: string;
  name: string;
  mode: string;
  sample: boolean;
  awsAccountId: string | null;
  roleArn: string | null;
  externalId: string | null;
  accessKeyId: string | null;
  verifiedAt: string | null;
}

export async function createKeysAccount(app: FastifyInstance, client: SignedInClient, name = 'Production'): Promise<AccountBody> {
  const response = await send(app, client, 'POST', '/api/accounts', { name, mode: 'keys', ...newKeys() });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<AccountBody>();
}

export function errorOf(response: LightMyRequestResponse): { code: string; message: string; details?: Record<string, unknown> } {
  return response.json<{ error: { code: string; message: string; details?: Record<string, unknown> } }>().error;
}
