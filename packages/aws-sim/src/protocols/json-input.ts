import { SimError } from './types.js';

export type JsonInput = Record<string, unknown>;

export function str(input: JsonInput, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SimError('ValidationException', `${key} must be a string`, 400);
  return value;
}

export function num(input: JsonInput, key: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new SimError('ValidationException', `${key} must be a number`, 400);
  return value;
}

export function bool(input: JsonInput, key: string): boolean | undefined {
  const value = input[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function strings(input: JsonInput, key: string): string[] {
  const value = input[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** JSON protocols drop absent members rather than sending nulls. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}
