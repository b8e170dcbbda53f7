import { allChecks, leastPrivilegePolicy } from '@cloudsweep/engine';
import { parseFlags } from '../args/parse-flags.js';
import { parseScanCommand } from '../args/scan-args.js';
import { POLICY_HELP } from '../help.js';
import { EXIT, type CliIo, type ExitCode } from '../io.js';

export function runPolicyCommand(args: readonly string[], io: CliIo): ExitCode {
  const values = parseFlags('policy', args, { checks: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values['help'] === true) {
    io.stdout.write(POLICY_HELP);
    return EXIT.ok;
  }
  // The same selection rules (ids or service names, one error for every unknown) as `scan`.
  const selectors = parseScanCommand({ checks: values['checks'] }, {}).options.checks;
  const wanted = selectors ? new Set(selectors) : undefined;
  const checks = wanted ? allChecks.filter((c) => wanted.has(c.id) || wanted.has(c.id.split('.')[0] ?? '')) : allChecks;
  io.stdout.write(`${JSON.stringify(leastPrivilegePolicy(checks), null, 2)}\n`);
  return EXIT.ok;
}
