import { allChecks, leastPrivilegePolicy, selectChecks } from '@cloudsweep/engine';
import { parseFlags } from '../args/parse-flags.js';
import { parseCheckSelectors } from '../args/scan-args.js';
import { POLICY_HELP } from '../help.js';
import { EXIT, type CliIo, type ExitCode } from '../io.js';

export function runPolicyCommand(args: readonly string[], io: CliIo): ExitCode {
  const values = parseFlags('policy', args, { checks: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values['help'] === true) {
    io.stdout.write(POLICY_HELP);
    return EXIT.ok;
  }
  // The same selection rules (ids or service names, one error for every unknown) as `scan`.
  const raw = values['checks'];
  const checks = selectChecks(allChecks, parseCheckSelectors(typeof raw === 'string' ? raw : undefined, allChecks));
  io.stdout.write(`${JSON.stringify(leastPrivilegePolicy(checks), null, 2)}\n`);
  return EXIT.ok;
}
