import type { JobDefinition, JobPayload } from './job-queue.js';

// Payloads are ids; anything this large is data that belongs in a table.
const MAX_PAYLOAD_BYTES = 4096;
// A last line of defence for "payloads carry ids, never credentials": job rows are readable by
// anyone with database access and, at scale, sit in Redis.
const SECRET_LOOKING_KEY = /secret|password|passphrase|token|credential|private/i;

export class InvalidJobPayloadError extends Error {
  override readonly name = 'InvalidJobPayloadError';
  readonly retryable = false;
}

/** Parses a payload with the job's schema and the rules every payload obeys. */
function parsePayload<P extends JobPayload>(definition: JobDefinition<P>, value: unknown): P {
  const parsed = definition.payload.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`);
    throw new InvalidJobPayloadError(`Invalid ${definition.kind} job payload: ${problems.join('; ')}`);
  }
  const payload = parsed.data;
  for (const [key, field] of Object.entries(payload)) {
    if (SECRET_LOOKING_KEY.test(key)) {
      throw new InvalidJobPayloadError(`A ${definition.kind} job payload must carry ids, not secrets (field ${key})`);
    }
    if (field !== null && typeof field === 'object') {
      throw new InvalidJobPayloadError(`A ${definition.kind} job payload must be flat (field ${key} is nested)`);
    }
  }
  return payload;
}

export function serializePayload<P extends JobPayload>(definition: JobDefinition<P>, payload: P): string {
  const text = JSON.stringify(parsePayload(definition, payload));
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) {
    throw new InvalidJobPayloadError(`A ${definition.kind} job payload must stay under ${MAX_PAYLOAD_BYTES} bytes`);
  }
  return text;
}

/** The stored text, parsed again when a worker picks the job up (schemas change across deploys). */
export function deserializePayload<P extends JobPayload>(definition: JobDefinition<P>, text: string): P {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidJobPayloadError(`The stored ${definition.kind} job payload is not JSON`, { cause: error });
  }
  return parsePayload(definition, value);
}
