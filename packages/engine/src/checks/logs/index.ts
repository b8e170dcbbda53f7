import { groupEncrypted } from './group-encrypted.js';
import { retentionSet } from './retention-set.js';

export const logsChecks = [groupEncrypted, retentionSet] as const;
