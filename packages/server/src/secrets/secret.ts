const REDACTED = '[redacted]';

/**
 * Secret material (an AWS secret access key, a session token) kept out of logs by construction:
 * every way JavaScript turns a value into text — JSON.stringify, String(), template literals,
 * `+`, util.inspect / console.log / pino — yields '[redacted]'. The value lives in a private
 * field, which neither inspect, structuredClone nor Object.keys can see; only `reveal()` gives
 * it back, at the one place that hands it to the AWS SDK.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
