import type { Check } from '../core/check.js';
import { volumeAttached } from './ec2/volume-attached.js';

/** Every built-in check, sorted by id. Explicit on purpose: no filesystem discovery. */
export const allChecks: readonly Check[] = [volumeAttached];
