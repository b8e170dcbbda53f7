import { z } from 'zod';

/** Emails are compared case-insensitively: stored and looked up trimmed and lowercased. */
export const EmailSchema = z
  .string({ error: 'Enter your email address' })
  .trim()
  .toLowerCase()
  .max(254, 'An email address is at most 254 characters')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com' }));

// 12 characters is the floor NIST SP 800-63B allows for a sole factor; the ceiling bounds hashing work.
export const NewPasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(12, 'Use a password of at least 12 characters')
  .max(256, 'Use a password of at most 256 characters');

/** For `z.strictObject(shape, STRICT_BODY)`: name unknown fields and a non-object body in plain words. */
export const STRICT_BODY = {
  error: (issue: { code?: string; keys?: readonly string[]; path?: readonly PropertyKey[] }) => {
    if (issue.code === 'unrecognized_keys') return `Unknown field${issue.keys?.length === 1 ? '' : 's'}: ${issue.keys?.join(', ')}`;
    if (issue.code === 'invalid_type' && !issue.path?.length) return 'Send a JSON object';
    return undefined;
  },
};

/** For routes that take no input: no body (or an empty object), refusing fields like every other route. */
export const NoBodySchema = z.strictObject({}, STRICT_BODY).nullish();

export const RegisterBodySchema = z.strictObject({ email: EmailSchema, password: NewPasswordSchema }, STRICT_BODY);
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

/** Sign-in accepts any non-empty password so that old, shorter passwords keep a clear 401. */
export const LoginBodySchema = z.strictObject({
  email: EmailSchema,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(256, 'A password is at most 256 characters'),
}, STRICT_BODY);
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const UserSchema = z.object({ id: z.string(), email: z.string() });
export type User = z.infer<typeof UserSchema>;

/**
 * The signed-in user and the session's CSRF token: every mutating request must echo the token
 * in the `x-csrf-token` header.
 */
export const SessionResponseSchema = z.object({ user: UserSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
