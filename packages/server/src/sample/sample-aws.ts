import { startSim, type RunningSim, type StartOptions } from '@cloudsweep/aws-sim';

/** The AWS account id the sample account reports; all zeros so no one mistakes it for theirs. */
export const SAMPLE_AWS_ACCOUNT_ID = '000000000000';

/**
 * Keys for the simulator, which accepts any well-formed keys. Public on purpose: they open
 * nothing but the in-process simulator.
 */
export const SAMPLE_CREDENTIALS = Object.freeze({
  kind: 'keys' as const,
  accessKeyId: 'AKIASAMPLEACCOUNT000',
  secretAccessKey: 'SampleSecretKeyForTheBuiltInAwsSimulator',
});

/**
 * A few hundred resources in three regions (the simulator's small size), with 20 ms per call
 * so a sample scan's progress is visible rather than instant. Seeded: every user sees the same
 * findings. Generated relative to start-up time so ages ("unused for 90 days") read as today's.
 */
function sampleOptions(): StartOptions {
  return {
    seed: 20240601,
    accountId: SAMPLE_AWS_ACCOUNT_ID,
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    size: 'small',
    latencyMs: 20,
    now: Date.now(),
  };
}

/**
 * The simulator behind the sample account, started on first use (most processes never scan
 * the sample) and stopped when the app closes. Listens on 127.0.0.1 only.
 */
export class SampleAws {
  #sim: Promise<RunningSim> | undefined;
  #stopped = false;

  constructor(private readonly options: () => StartOptions = sampleOptions) {}

  /** The simulator's URL, to pass as the endpoint of a sample account's scan. */
  async sampleEndpoint(): Promise<string> {
    if (this.#stopped) throw new Error('The sample AWS simulator has been stopped');
    if (!this.#sim) {
      const starting = startSim(this.options());
      // A failed start is not cached: the next scan tries again.
      starting.catch(() => {
        if (this.#sim === starting) this.#sim = undefined;
      });
      this.#sim = starting;
    }
    return (await this.#sim).url;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const starting = this.#sim;
    this.#sim = undefined;
    const sim = await starting?.catch(() => undefined);
    await sim?.stop();
  }
}
