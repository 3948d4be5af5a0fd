import { expect, it } from 'vitest';
import { createInterruptTask, startHoldServer } from '../src/index';

it('the task tool returns its quick pages, then holds a real loopback request until the signal aborts it', async () => {
  const hold = await startHoldServer();
  try {
    const { task, beginRun } = createInterruptTask({ holdUrl: hold.url, fastSteps: 2 });
    const charged: number[] = [];
    const controller = new AbortController();
    const context = { signal: controller.signal, charge: (units: number) => charged.push(units) };
    const watch = beginRun();
    const results = [
      await task.tool.execute({}, context),
      await task.tool.execute({ any: 'thing' }, context),
    ];
    expect(results).toEqual(task.completedResults);
    expect(results[0]).toEqual({ page: 1, rows: ['row 1', 'row 2'], more: true });

    const arrived = hold.nextRequest();
    const long = task.tool.execute({}, context);
    long.catch(() => {});
    await watch.longStep;
    const request = await arrived;
    expect(request.query).toBe('?page=3');
    // The run's budget charge is reachable once the long step runs.
    watch.charge(5);
    expect(charged).toEqual([1, 1, 1, 5]);
    controller.abort();
    await expect(long).rejects.toMatchObject({ name: 'AbortError' });
    // The server saw the client give up: the connection closed.
    expect(await request.closed).toBeGreaterThanOrEqual(request.arrivedAt);
    expect(hold.received).toBe(1);

    // A new run counts its pages from 1 again; a run without a budget cannot be charged.
    const next = beginRun();
    expect(await task.tool.execute({}, { signal: new AbortController().signal })).toEqual(
      task.completedResults[0],
    );
    expect(() => next.charge(1)).toThrow(/no budget/);
  } finally {
    await hold.close();
  }
});
