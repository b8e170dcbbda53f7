import { flowLogsEnabled } from './flow-logs-enabled.js';
import { naclNoAdminPortsFromWorld } from './nacl-no-admin-ports-from-world.js';

/** Sorted by id. */
export const vpcChecks = [flowLogsEnabled, naclNoAdminPortsFromWorld] as const;
