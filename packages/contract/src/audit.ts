import { z } from 'zod';
import { STRICT_BODY } from './auth.js';
import { BAD_CURSOR, pageLimit } from './query.js';

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
  limit: pageLimit(200, 50),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(64, BAD_CURSOR).optional(),
}, STRICT_BODY);
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const AuditPageSchema = z.object({ events: z.array(AuditEventSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;
