import { ScanSetupError, UnknownRegionError } from '@cloudsweep/engine';
import { describe, expect, it } from 'vitest';
import { toCliError } from './errors.js';

describe('error mapping', () => {
  it('maps engine errors to exit codes with a hint of what to do', () => {
    expect(toCliError(new UnknownRegionError(['mars-1'])).exitCode).toBe(2);
    expect(toCliError(new ScanSetupError('invalid-options', 'Bad')).exitCode).toBe(2);
    const network = toCliError(new ScanSetupError('network', 'Step failed: connect\nECONNREFUSED.'));
    expect(network.exitCode).toBe(3);
    expect(network.message).toBe('Step failed: connect ECONNREFUSED. Check the network, proxy settings and --endpoint-url');
    expect(toCliError(new ScanSetupError('credentials', 'x')).message).toMatch(/--profile/);
    expect(toCliError(new ScanSetupError('access-denied', 'x')).message).toMatch(/cloudsweep policy/);
  });

  it('turns a bug into one line and exit 3, never a stack', () => {
    const error = toCliError(new TypeError('x is undefined'));
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/^Unexpected error: x is undefined\. Set CLOUDSWEEP_DEBUG=1/);
  });
});
