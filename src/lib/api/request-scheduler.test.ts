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
  it('by default keeps at most 6 requests in flight', async () => {
    const scheduler = createRequestScheduler();
    const { run, finish, started } = manualTasks(scheduler);
    names('q', 8).forEach((name) => void run(name));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(names('q', 6));
    await finish('q3');
    expect(started).toEqual(names('q', 7));
    expect(scheduler.state()).toEqual({ active: 6, waiting: 1, limit: 6 });
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

  it('after a 429 starts nothing until Retry-After has passed, though slots free up', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 4, throttledConcurrent: 2 });
    const { run, finish, started } = manualTasks(scheduler);
    names('a', 4).forEach((name) => void run(name));
    await vi.advanceTimersByTimeAsync(0);
    scheduler.throttled(5);
    names('b', 3).forEach((name) => void run(name));
    await finish('a1');
    await finish('a2');
    await finish('a3');
    await vi.advanceTimersByTimeAsync(4900);
    expect(started).toEqual(names('a', 4));
    expect(scheduler.state()).toEqual({ active: 1, waiting: 3, limit: 2 });
    // Retry-After over: the queue moves again on its own, no completion needed.
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toEqual([...names('a', 4), 'b1']);
  });

  it('in the cool-down keeps to the lower limit and paces starts, then earns slots back one by one', async () => {
    const scheduler = createRequestScheduler({
      maxConcurrent: 4,
      throttledConcurrent: 2,
      coolDownSeconds: 10,
    });
    const { run, finish, started } = manualTasks(scheduler);
    scheduler.throttled(2);
    const results = names('c', 8).map((name) => run(name));
    await vi.advanceTimersByTimeAsync(2000);
    // Two per Retry-After: one start a second.
    expect(started).toEqual(['c1']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual(['c1', 'c2']);
    await finish('c1');
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toEqual(['c1', 'c2']);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['c1', 'c2', 'c3']);
    // At the limit of 2: time alone starts nothing more.
    await vi.advanceTimersByTimeAsync(5000);
    expect(scheduler.state()).toEqual({ active: 2, waiting: 5, limit: 2 });
    await finish('c2');
    expect(started.at(-1)).toBe('c4');

    // Cool-down over (12 s after the 429): no pacing, and each completion adds a slot up to 4.
    await vi.advanceTimersByTimeAsync(4000);
    await finish('c3');
    expect(started).toEqual(names('c', 6));
    expect(scheduler.state()).toEqual({ active: 3, waiting: 2, limit: 3 });
    await finish('c4');
    expect(scheduler.state()).toEqual({ active: 4, waiting: 0, limit: 4 });
    for (const name of ['c5', 'c6', 'c7', 'c8']) await finish(name);
    // None was dropped.
    await expect(Promise.all(results)).resolves.toEqual(names('c', 8));
    expect(scheduler.state()).toEqual({ active: 0, waiting: 0, limit: 4 });
  });

  it('after a 429 without Retry-After lowers the limit for the cool-down without pausing', async () => {
    const scheduler = createRequestScheduler({ maxConcurrent: 6, coolDownSeconds: 10 });
    const { run, finish, started } = manualTasks(scheduler);
    scheduler.throttled(null);
    names('d', 4).forEach((name) => void run(name));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['d1', 'd2']);
    await vi.advanceTimersByTimeAsync(9000);
    await finish('d1');
    expect(scheduler.state().limit).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    await finish('d2');
    expect(scheduler.state()).toMatchObject({ active: 2, limit: 3 });
  });

  it('lets a later 429 extend the pause, never shorten it', async () => {
    const scheduler = createRequestScheduler();
    const { run, started } = manualTasks(scheduler);
    scheduler.throttled(10);
    await vi.advanceTimersByTimeAsync(3000);
    scheduler.throttled(2);
    void run('x');
    await vi.advanceTimersByTimeAsync(6900);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toEqual(['x']);
  });

  it('holds the queue at most maxPauseSeconds for a very long Retry-After', async () => {
    const scheduler = createRequestScheduler({ maxPauseSeconds: 120 });
    const { run, started } = manualTasks(scheduler);
    scheduler.throttled(3600);
    void run('y');
    await vi.advanceTimersByTimeAsync(119_000);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual(['y']);
  });

  it('rejects a task cancelled while the queue is held, and never starts it', async () => {
    const scheduler = createRequestScheduler();
    const { run, started } = manualTasks(scheduler);
    scheduler.throttled(5);
    const controller = new AbortController();
    const cancelled = run('cancelled', controller.signal);
    void run('kept');
    controller.abort(new DOMException('The query was cancelled.', 'AbortError'));
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toEqual(['kept']);
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
