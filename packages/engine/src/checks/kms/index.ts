import { disabledKeyUnused } from './disabled-key-unused.js';
import { keyRotationEnabled } from './key-rotation-enabled.js';

export const kmsChecks = [disabledKeyUnused, keyRotationEnabled] as const;
