import { startSim, type RunningSim, type StartOptions } from '../src/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const credentials = { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'secret' };

/** Client config every SDK client in these tests shares: no retries, so faults surface once. */
export function clientConfig(sim: RunningSim, region = 'us-east-1'): { endpoint: string; region: string; credentials: typeof credentials; maxAttempts: number } {
  return { endpoint: sim.url, region, credentials, maxAttempts: 1 };
}

export async function withSim<T>(options: StartOptions, run: (sim: RunningSim) => Promise<T>): Promise<T> {
  const sim = await startSim(options);
  try {
    return await run(sim);
  } finally {
    await sim.stop();
  }
}
