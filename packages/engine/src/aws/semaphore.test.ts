import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.js';

describe('Semaphore', () => {
  it('admits up to its capacity and queues the rest in order', async () => {
    const semaphore = new Semaphore(2);
    const signal = new AbortController().signal;
    const order: number[] = [];
    await semaphore.acquire(signal);
    await semaphore.acquire(signal);
    const third = semaphore.acquire(signal).then(() => order.push(3));
    const fourth = semaphore.acquire(signal).then(() => order.push(4));
    await Promise.resolve();
    expect(order).toEqual([]);
    semaphore.release();
    semaphore.release();
    await Promise.all([third, fourth]);
    expect(order).toEqual([3, 4]);
  });

  it('removes an aborted waiter so its slot goes to the next one', async () => {
    const semaphore = new Semaphore(1);
    const live = new AbortController();
    const doomed = new AbortController();
    await semaphore.acquire(live.signal);
    const abandoned = semaphore.acquire(doomed.signal);
    const next = semaphore.acquire(live.signal);
    doomed.abort(new Error('gone'));
    await expect(abandoned).rejects.toThrow('gone');
    semaphore.release();
    await expect(next).resolves.toBeUndefined();
  });
});
