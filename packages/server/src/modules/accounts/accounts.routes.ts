import {
  AccountIdParamsSchema, AccountListSchema, AccountSchema, CreateAccountBodySchema, NoBodySchema, RoleSetupSchema, RotateCredentialsBodySchema,
} from '@cloudsweep/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditOrigin } from '../../audit/audit.service.js';
import { requireUser, signedInUser } from '../../auth/require-user.js';
import { clientKey, createLimiter, type RateLimitHook } from '../../rate-limits.js';
import { createAccount, deleteAccount, getUserAccount, listUserAccounts, rotateCredentials, type AccountsContext } from './accounts.service.js';
import { issueRoleSetup } from './role-setup.js';
import { ensureSampleAccount } from './sample-account.service.js';

/**
 * Each create or rotation makes up to three STS calls from our servers; this keeps one user
 * from turning the API into a credential-testing service or spending our STS quota.
 */
const VERIFICATIONS_PER_10_MINUTES = 30;

function createVerificationLimit(app: FastifyInstance): RateLimitHook {
  return createLimiter(app, {
    name: 'account.verify',
    max: VERIFICATIONS_PER_10_MINUTES,
    windowMs: 10 * 60_000,
    dimensions: { user: (request: FastifyRequest) => request.user?.id ?? clientKey(request) },
    message: 'Too many credential checks',
  });
}

export function registerAccountRoutes(app: FastifyInstance, ctx: AccountsContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { preValidation: requireUser };
  const verifyLimit = createVerificationLimit(app);
  const userId = (request: FastifyRequest): string => signedInUser(request).id;

  routes.get('/api/accounts', { ...signedIn, schema: { response: { 200: AccountListSchema } } }, async (request) => ({
    accounts: await listUserAccounts(ctx, userId(request)),
  }));

  const createSchema = { body: CreateAccountBodySchema, response: { 201: AccountSchema } };
  routes.post('/api/accounts', { ...signedIn, preHandler: verifyLimit, schema: createSchema }, async (request, reply) =>
    reply.status(201).send(await createAccount(ctx, userId(request), request.body, auditOrigin(request))),
  );

  const setupSchema = { body: NoBodySchema, response: { 201: RoleSetupSchema } };
  routes.post('/api/accounts/external-id', { ...signedIn, schema: setupSchema }, async (request, reply) =>
    reply.status(201).send(await issueRoleSetup(ctx.db, userId(request), ctx.config.aws.principalArn)),
  );

  const sampleSchema = { body: NoBodySchema, response: { 200: AccountSchema, 201: AccountSchema } };
  routes.post('/api/accounts/sample', { ...signedIn, schema: sampleSchema }, async (request, reply) => {
    const { account, created } = await ensureSampleAccount(ctx, userId(request), auditOrigin(request));
    return reply.status(created ? 201 : 200).send(account);
  });

  const oneSchema = { params: AccountIdParamsSchema, response: { 200: AccountSchema } };
  routes.get('/api/accounts/:id', { ...signedIn, schema: oneSchema }, async (request) => getUserAccount(ctx, userId(request), request.params.id));

  const rotateSchema = { params: AccountIdParamsSchema, body: RotateCredentialsBodySchema, response: { 200: AccountSchema } };
  routes.post('/api/accounts/:id/credentials', { ...signedIn, preHandler: verifyLimit, schema: rotateSchema }, async (request) =>
    rotateCredentials(ctx, userId(request), request.params.id, request.body, auditOrigin(request)),
  );

  routes.delete('/api/accounts/:id', { ...signedIn, schema: { params: AccountIdParamsSchema, body: NoBodySchema } }, async (request, reply) => {
    await deleteAccount(ctx, userId(request), request.params.id, auditOrigin(request));
    return reply.status(204).send();
  });
}
