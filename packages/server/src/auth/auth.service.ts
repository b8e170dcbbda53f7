import type { LoginBody, RegisterBody, User } from '@cloudsweep/contract';
import type { Kysely } from 'kysely';
import { recordAudit, type Origin } from '../audit/audit.service.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.js';
import { endSession, startSession, type ActiveSession, type NewSession } from './session.service.js';
import { findUserByEmail, insertUser } from './users.repository.js';

export interface SignedIn {
  user: User;
  session: NewSession;
}

// One message for an unknown email and a wrong password: the answer must not reveal accounts.
const BAD_CREDENTIALS = 'The email or password is incorrect';

export async function registerUser(db: Kysely<Database>, body: RegisterBody, origin: Origin): Promise<SignedIn> {
  if (await findUserByEmail(db, body.email)) throw emailTaken();
  const user: User = { id: crypto.randomUUID(), email: body.email };
  const passwordHash = await hashPassword(body.password);
  const inserted = await insertUser(db, { ...user, password_hash: passwordHash, created_at: new Date().toISOString() });
  if (!inserted) throw emailTaken();
  await recordAudit(db, { userId: user.id, action: 'auth.sign_up', targetType: 'user', targetId: user.id, ...origin });
  return { user, session: await startSession(db, user.id, origin) };
}

function emailTaken(): AppError {
  return new AppError('conflict', 'An account with this email already exists');
}

export async function signIn(db: Kysely<Database>, body: LoginBody, origin: Origin): Promise<SignedIn> {
  const row = await findUserByEmail(db, body.email);
  const valid = row ? await verifyPassword(row.password_hash, body.password) : await burnPasswordCheck(body.password);
  if (!row || !valid) {
    await recordAudit(db, {
      userId: row?.id ?? null,
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetId: row?.id ?? null,
      details: { email: body.email, reason: row ? 'wrong_password' : 'unknown_email' },
      ...origin,
    });
    throw new AppError('unauthenticated', BAD_CREDENTIALS);
  }
  const user: User = { id: row.id, email: row.email };
  await recordAudit(db, { userId: user.id, action: 'auth.sign_in', targetType: 'user', targetId: user.id, ...origin });
  return { user, session: await startSession(db, user.id, origin) };
}

export async function signOut(db: Kysely<Database>, session: ActiveSession, origin: Origin): Promise<void> {
  await endSession(db, session.idHash);
  await recordAudit(db, { userId: session.user.id, action: 'auth.sign_out', targetType: 'user', targetId: session.user.id, ...origin });
}
