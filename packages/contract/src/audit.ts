import { z } from 'zod';
import { STRICT_BODY } from './auth.js';

export const AuditEventSchema = z.object({
  id: z.number().int(),
  /** Named `<area>.<verb>`: auth.sign_in, account.create, scan.start, ... */
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string(),
  userAgent: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditListQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(200, 'limit must be at most 200')
    .default(50),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(64, 'The cursor is not valid; use the nextCursor of a previous page').optional(),
}, STRICT_BODY);
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const AuditPageSchema = z.object({ events: z.array(AuditEventSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;
