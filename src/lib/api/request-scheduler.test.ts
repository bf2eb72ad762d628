import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequestScheduler, type RequestScheduler } from './request-scheduler';

/** A task the test finishes by hand, recording when it started. */
function manualTasks(scheduler: RequestScheduler) {
  const started: string[] = [];
  const finishers = new Map<string, (outcome?: Error) => void>();
  const run = (name: string, signal?: AbortSignal) =>
    scheduler.run(
      () =>
        new Promise<string>((resolve, reject) => {
          started.push(name);
          finishers.set(name, (outcome) => (outcome ? reject(outcome) : resolve(name)));
        }),
      signal,
    );
  // Each await lets the scheduler's promise callbacks run: tasks start, slots free up.
  const finish = async (name: string, outcome?: Error) => {
    await vi.advanceTimersByTimeAsync(0);
    const finisher = finishers.get(name);
    if (finisher === undefined) throw new Error(`${name} has not started`);
    finisher(outcome);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { run, finish, started };
}

const names = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createRequestScheduler', () => {
  it('by default hands a whole dashboard load (some 28 requests) to the browser at once', async () => {
    const { run, started } = manualTasks(createRequestScheduler());
    names('q', 33).forEach((name) => void run(name));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(32);
  });

  it('runs up to the limit at once, first come first served, the next as one finishes', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 3 });
    const { run, finish, started } = manualTasks(scheduler);
    const results = names('r', 5).map((name) => run(name));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['r1', 'r2', 'r3']);
    expect(scheduler.state()).toEqual({ active: 3, waiting: 2, limit: 3 });

    await finish('r2');
    expect(started).toEqual(['r1', 'r2', 'r3', 'r4']);
    await finish('r1');
    await finish('r3');
    expect(started).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    await finish('r4');
    await finish('r5');
    await expect(Promise.all(results)).resolves.toEqual(names('r', 5));
    expect(scheduler.state()).toEqual({ active: 0, waiting: 0, limit: 3 });
  });

  it('after a 429 keeps to the throttled limit for Retry-After, then earns slots back one by one', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 4, throttledConcurrent: 1 });
    const { run, finish, started } = manualTasks(scheduler);
    names('a', 4).forEach((name) => void run(name));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(4);

    scheduler.throttled(5);
    names('b', 6).forEach((name) => void run(name));
    // Those in flight finish; nothing new starts until fewer than one is in flight.
    await finish('a1');
    await finish('a2');
    await finish('a3');
    expect(started).toEqual(['a1', 'a2', 'a3', 'a4']);
    await finish('a4');
    expect(started.at(-1)).toBe('b1');
    // Within the window a completion does not raise the limit.
    await vi.advanceTimersByTimeAsync(4000);
    await finish('b1');
    expect(started.slice(4)).toEqual(['b1', 'b2']);
    expect(scheduler.state()).toMatchObject({ active: 1, limit: 1 });

    // Window over: each completion adds a slot (a slow start), up to the maximum.
    await vi.advanceTimersByTimeAsync(1000);
    await finish('b2');
    expect(started.slice(4)).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(scheduler.state()).toMatchObject({ active: 2, limit: 2 });
    await finish('b3');
    expect(scheduler.state()).toMatchObject({ active: 3, waiting: 0, limit: 3 });
    await finish('b4');
    await finish('b5');
    expect(scheduler.state()).toMatchObject({ active: 1, limit: 4 });
    await finish('b6');
    expect(scheduler.state()).toEqual({ active: 0, waiting: 0, limit: 4 });
  });

  it('uses the default window when a 429 has no Retry-After, and a later 429 only extends it', async () => {
    const scheduler = createRequestScheduler({
      maxConcurrent: 6,
      throttledConcurrent: 2,
      defaultThrottleSeconds: 10,
    });
    const { run, finish } = manualTasks(scheduler);
    scheduler.throttled(null);
    await vi.advanceTimersByTimeAsync(3000);
    scheduler.throttled(2);
    void run('x');
    await vi.advanceTimersByTimeAsync(6000);
    await finish('x');
    // 9 s after the first 429: still inside its 10 s window.
    expect(scheduler.state().limit).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    void run('y');
    await finish('y');
    expect(scheduler.state().limit).toBe(3);
  });

  it('never starts a waiting task whose signal aborts, and rejects it with the reason', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 1 });
    const { run, finish, started } = manualTasks(scheduler);
    const first = run('first');
    const controller = new AbortController();
    const cancelled = run('cancelled', controller.signal);
    const last = run('last');
    await vi.advanceTimersByTimeAsync(0);

    controller.abort(new DOMException('The query was cancelled.', 'AbortError'));
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(scheduler.state()).toMatchObject({ active: 1, waiting: 1 });

    await finish('first');
    await finish('last');
    await expect(Promise.all([first, last])).resolves.toEqual(['first', 'last']);
    expect(started).toEqual(['first', 'last']);
  });

  it('refuses at once a task whose signal has already aborted', async () => {
    const scheduler = createRequestScheduler();
    const task = vi.fn(async () => 'ran');
    await expect(scheduler.run(task, AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(task).not.toHaveBeenCalled();
  });

  it('frees the slot of a task that fails, even synchronously', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 1 });
    const failure = new Error('boom');
    await expect(scheduler.run(() => Promise.reject(failure))).rejects.toBe(failure);
    await expect(
      scheduler.run(() => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    await expect(scheduler.run(async () => 'next')).resolves.toBe('next');
    expect(scheduler.state()).toEqual({ active: 0, waiting: 0, limit: 1 });
  });
});
