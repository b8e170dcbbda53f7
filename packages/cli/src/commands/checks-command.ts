import { allChecks, collectorsOf, csvRow, severityRank, type Check } from '@cloudsweep/engine';
import { parseFlags } from '../args/parse-flags.js';
import { renderColumns } from '../format/columns.js';
import { plural } from '../format/summary-text.js';
import { CHECKS_HELP } from '../help.js';
import { EXIT, usageError, type CliIo, type ExitCode } from '../io.js';

const CHECK_FORMATS = ['table', 'json', 'csv'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

function isCheckFormat(value: string): value is CheckFormat {
  return (CHECK_FORMATS as readonly string[]).includes(value);
}

export function describeCheck(check: Check): object {
  return {
    id: check.id,
    title: check.title,
    kind: check.kind,
    severity: check.severity,
    description: check.description,
    remediation: check.remediation,
    compliance: check.compliance,
    permissions: [...new Set(collectorsOf([check]).flatMap((c) => c.permissions))].sort(),
  };
}

export function renderChecks(checks: readonly Check[], format: CheckFormat): string {
  if (format === 'json') return `${JSON.stringify(checks.map(describeCheck), null, 2)}\n`;
  if (format === 'csv') {
    return [['id', 'severity', 'kind', 'title', 'compliance', 'remediation_url'], ...checks.map((c) => [c.id, c.severity, c.kind, c.title, c.compliance.join(' '), c.remediation.url])]
      .map(csvRow)
      .join('');
  }
  const sorted = [...checks].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
  const rows = [['ID', 'SEVERITY', 'KIND', 'TITLE'], ...sorted.map((c) => [c.id, c.severity, c.kind, c.title])];
  return `${renderColumns(rows).join('\n')}\n\n${plural(checks.length, 'check')}.\n`;
}

export function runChecksCommand(args: readonly string[], io: CliIo): ExitCode {
  const values = parseFlags('checks', args, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values['help'] === true) {
    io.stdout.write(CHECKS_HELP);
    return EXIT.ok;
  }
  const format = typeof values['format'] === 'string' ? values['format'] : 'table';
  if (!isCheckFormat(format)) throw usageError(`Unknown format "${format}" for \`cloudsweep checks\`. Valid formats: ${CHECK_FORMATS.join(', ')}`);
  io.stdout.write(renderChecks(allChecks, format));
  return EXIT.ok;
}
