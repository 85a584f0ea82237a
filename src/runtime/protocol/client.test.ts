/**
 * The one runtime client, against fake workers that answer in this realm: runs, checks on
 * a fresh worker, the watchdog's words, and replies that do not have the run result's shape.
 */
import { describe, expect, it, vi } from 'vitest';
import { failedRun, type RunResult } from '../../schemas/run-result';
import { DEFAULT_TIME_BUDGET_MS, timeoutError } from '../../schemas/time-budget';
import { createRuntimeClient, type WorkerExitReason, type WorkerLike } from './client';
import { createWarmCheckRunner, rememberingRunner } from './check-runner';
import type { WarmUpRequest, WorkerMessage, WorkerRequest } from './protocol';

/** The requests a worker answers (the warm-up has no reply). */
type AnsweredRequest = Exclude<WorkerRequest, WarmUpRequest>;

const okResult = (text: string): RunResult => ({
  ...failedRun({ kind: 'internal', name: 'x', message: 'x', details: [] }),
  ok: true,
  error: undefined,
  console: [{ level: 'log', text, at: 0 }],
});

interface FakeWorker extends WorkerLike {
  requests: WorkerRequest[];
  terminated: boolean;
  /** Ends the worker as its engine would at its heap limit. */
  die(): void;
  /** Sends a message of its own. */
  say(message: unknown): void;
}

/** A worker that is ready at once and answers each request with `answer` (or never, when it returns undefined). */
function fakeWorkers(answer: (request: AnsweredRequest, worker: number) => unknown) {
  const started: FakeWorker[] = [];
  const createWorker = (): WorkerLike => {
    const index = started.length;
    let onMessage: ((event: { data: WorkerMessage }) => void) | undefined;
    let onExit: ((event: { reason: WorkerExitReason }) => void) | undefined;
    const worker: FakeWorker = {
      requests: [],
      terminated: false,
      die: () => onExit?.({ reason: 'out-of-memory' }),
      say: (message) => onMessage?.({ data: message as WorkerMessage }),
      postMessage(request) {
        worker.requests.push(request);
        const reply = request.type === 'warm-up' ? undefined : answer(request, index);
        if (reply !== undefined) setTimeout(() => !worker.terminated && onMessage?.({ data: reply as WorkerMessage }));
      },
      terminate: () => void (worker.terminated = true),
      addEventListener(type: 'message' | 'error' | 'exit', listener: (event: never) => void) {
        if (type === 'message') {
          onMessage = listener as (event: { data: WorkerMessage }) => void;
          setTimeout(() => onMessage?.({ data: { type: 'ready', startupMs: 1 } }));
        } else if (type === 'exit') onExit = listener as (event: { reason: WorkerExitReason }) => void;
      },
    } as FakeWorker;
    started.push(worker);
    return worker;
  };
  return { started, createWorker };
}

const check = { source: 'x', language: 'javascript' as const, timeBudgetMs: 50, probes: [], seed: 7 };

describe('the runtime client', () => {
  it('runs a program and resolves with its result', async () => {
    const { createWorker } = fakeWorkers((request) => ({ type: 'result', id: request.id, result: okResult('hi') }));
    const client = createRuntimeClient({ createWorker });
    const result = await client.run('console.log("hi")');
    expect(result.console[0]?.text).toBe('hi');
    expect(client.status).toBe('ready');
    client.dispose();
  });

  it('checks in a worker that ran nothing before, and retires it afterwards', async () => {
    const { started, createWorker } = fakeWorkers((request, worker) =>
      request.type === 'check'
        ? { type: 'check-result', id: request.id, result: okResult(`checked on ${worker}`), observations: [{ id: 'p', status: 'returned', value: [1] }] }
        : { type: 'result', id: request.id, result: okResult(`ran on ${worker}`) },
    );
    const client = createRuntimeClient({ createWorker });
    expect((await client.run('a')).console[0]?.text).toBe('ran on 0');
    const response = await client.check(check);
    expect(response.result.console[0]?.text).toBe('checked on 1');
    expect(response.observations).toEqual([{ id: 'p', status: 'returned', value: [1] }]);
    expect(started[1]?.requests.map((request) => request.type)).toEqual(['check']);
    expect(started[1]?.terminated).toBe(true);
    expect((await client.run('b')).console[0]?.text).toBe('ran on 2');
    client.dispose();
  });

  it('ends a stuck program with the one timeout message and a fresh worker', async () => {
    const { started, createWorker } = fakeWorkers(() => undefined);
    const client = createRuntimeClient({ createWorker, graceMs: 10 });
    const result = await client.run('while (true) {}', { timeBudgetMs: 100 });
    expect(result.error?.kind).toBe('timeout');
    expect(result.error?.message).toMatch(/^Stopped after 0\.1 s: the program was still running \(an endless loop\?\)/);
    expect(started[0]?.terminated).toBe(true);
    expect(started).toHaveLength(2);
    client.dispose();
  });

  it('ends a run whose worker died (over its heap limit) with the memory message, and starts another', async () => {
    const { started, createWorker } = fakeWorkers((request, worker) =>
      worker === 0 ? undefined : { type: 'result', id: request.id, result: okResult('alive') },
    );
    const client = createRuntimeClient({ createWorker });
    const running = client.run('const hog = []; while (true) hog.push([]);');
    await new Promise((resolve) => setTimeout(resolve, 20));
    started[0]!.die();
    const result = await running;
    expect(result.error).toMatchObject({ kind: 'memory', name: 'OutOfMemory' });
    expect(result.error?.message).toBe(
      'Stopped: the program used more than 512 MB of memory: its arrays and objects grew past that (a list that grows in a loop that never ends?). The runtime was restarted; your code is untouched.',
    );
    expect((await client.run('x')).console[0]?.text).toBe('alive');
    client.dispose();
  });

  it('keeps a standby worker ready while a run lasts, and promotes it when the run’s worker is ended', async () => {
    const { started, createWorker } = fakeWorkers((request, worker) =>
      worker === 0 ? undefined : { type: 'result', id: request.id, result: okResult(`ran on ${worker}`) },
    );
    const client = createRuntimeClient({ createWorker, standby: true, graceMs: 10 });
    const stuck = await client.run('while (true) {}', { timeBudgetMs: 100 });
    expect(stuck.error?.kind).toBe('timeout');
    // The standby started during the run (after half its budget) is the next run's worker.
    expect(started).toHaveLength(2);
    expect(client.status).toBe('ready');
    expect((await client.run('x')).console[0]?.text).toBe('ran on 1');
    expect(started).toHaveLength(2);
    client.dispose();
    expect(started.every((worker) => worker.terminated)).toBe(true);
  });

  it('gives the next request another worker when the worker asks to be retired', async () => {
    const { started, createWorker } = fakeWorkers((request, worker) => ({ type: 'result', id: request.id, result: okResult(`ran on ${worker}`) }));
    const client = createRuntimeClient({ createWorker });
    expect((await client.run('a')).console[0]?.text).toBe('ran on 0');
    started[0]!.say({ type: 'retire' });
    expect(started[0]?.terminated).toBe(true);
    expect((await client.run('b')).console[0]?.text).toBe('ran on 1');
    client.dispose();
  });

  it('words a timeout the same way wherever it is found', () => {
    expect(DEFAULT_TIME_BUDGET_MS).toBe(5_000);
    expect(timeoutError(5_000, 'why.').message).toBe('Stopped after 5 s: why.');
    expect(timeoutError(2_500, 'why.').message).toBe('Stopped after 2.5 s: why.');
  });

  it('rejects a reply that is not a run result, and replaces the worker that sent it', async () => {
    const { started, createWorker } = fakeWorkers((request) => ({ type: 'check-result', id: request.id, result: { ok: true }, observations: [] }));
    const client = createRuntimeClient({ createWorker });
    const response = await client.check(check);
    expect(response.result.ok).toBe(false);
    expect(response.result.error?.kind).toBe('internal');
    expect(response.result.error?.message).toMatch(/malformed reply/);
    expect(started[0]?.terminated).toBe(true);
    client.dispose();
  });

  it('drops what a reply carries beyond the schema', async () => {
    const { createWorker } = fakeWorkers((request) => ({ type: 'result', id: request.id, result: { ...okResult('hi'), verdict: 'pass' } }));
    const client = createRuntimeClient({ createWorker });
    const result = await client.run('x');
    expect(result).not.toHaveProperty('verdict');
    client.dispose();
  });

  it('resolves a superseded run as cancelled', async () => {
    let calls = 0;
    const { createWorker } = fakeWorkers((request) => (++calls === 1 ? undefined : { type: 'result', id: request.id, result: okResult('second') }));
    const client = createRuntimeClient({ createWorker });
    await client.ready();
    const first = client.run('slow');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = client.run('fast');
    expect((await first).error?.kind).toBe('cancelled');
    expect((await second).console[0]?.text).toBe('second');
    client.dispose();
  });
  describe('requests to the app a run left listening', () => {
    const exchange = (status: number, body: string) => ({
      ok: true,
      response: { status, statusText: '', headers: [['content-type', 'application/json']], body },
      sql: [],
      console: [],
      timeMs: 1,
    });
    const listening = (request: AnsweredRequest) =>
      request.type === 'request'
        ? { type: 'response', id: request.id, exchange: exchange(200, JSON.stringify({ runId: request.runId, path: request.request.path })) }
        : { type: 'result', id: request.id, result: { ...okResult('listening'), listening: [3000] } };
    const get = (path: string) => ({ method: 'GET' as const, path, headers: {} });

    it('sends them to the worker that ran the program, naming that run', async () => {
      const { started, createWorker } = fakeWorkers(listening);
      const client = createRuntimeClient({ createWorker });
      await client.run('app');
      expect(client.listeningPort).toBe(3000);
      const reply = await client.request(get('/users/1/posts'));
      const runId = (started[0]!.requests[0] as AnsweredRequest).id;
      expect(JSON.parse(reply.response!.body)).toEqual({ runId, path: '/users/1/posts' });
      client.dispose();
    });

    it('lets a second request wait for the first rather than cancel it', async () => {
      const { started, createWorker } = fakeWorkers(listening);
      const client = createRuntimeClient({ createWorker });
      await client.run('app');
      const [first, second] = await Promise.all([client.request(get('/a')), client.request(get('/b'))]);
      expect(first.ok && second.ok).toBe(true);
      expect(started).toHaveLength(1);
      expect(started[0]?.terminated).toBe(false);
      client.dispose();
    });

    it('answers NoApp without asking the worker once another run replaced the app', async () => {
      const { started, createWorker } = fakeWorkers((request) =>
        request.type === 'run' && request.source === 'plain' ? { type: 'result', id: request.id, result: okResult('plain') } : listening(request),
      );
      const client = createRuntimeClient({ createWorker });
      await client.run('app');
      await client.run('plain');
      expect(client.listeningPort).toBeUndefined();
      const reply = await client.request(get('/users'));
      expect(reply.error?.name).toBe('NoApp');
      expect(started[0]!.requests.map((request) => request.type)).toEqual(['run', 'run']);
      client.dispose();
    });

    it('ends a request whose worker never answers after the run’s budget, and the app with it', async () => {
      const { started, createWorker } = fakeWorkers((request) =>
        request.type === 'request' ? undefined : { type: 'result', id: request.id, result: { ...okResult('app'), listening: [3000] } },
      );
      const client = createRuntimeClient({ createWorker, graceMs: 10 });
      await client.run('app', { timeBudgetMs: 50 });
      const reply = await client.request(get('/spin'));
      expect(reply.error?.kind).toBe('timeout');
      expect(reply.appStopped).toBe(true);
      expect(started[0]?.terminated).toBe(true);
      expect(client.listeningPort).toBeUndefined();
      client.dispose();
    });
  });
});

describe('a worker that ends before it is ready', () => {
  it('is followed by the next one: a Check waiting for it goes on and is answered', async () => {
    const { started, createWorker } = fakeWorkers((request) =>
      request.type === 'check' ? { type: 'check-result', id: request.id, result: okResult('answered'), observations: [] } : undefined,
    );
    let first = true;
    const dying = (): WorkerLike => {
      const worker = createWorker() as FakeWorker;
      if (first) {
        first = false;
        // Never says ready (its 'ready' is swallowed), and its process dies a moment later.
        const add = worker.addEventListener.bind(worker) as (type: string, listener: (event: never) => void) => void;
        worker.addEventListener = ((type: string, listener: (event: never) => void) =>
          add(type, type === 'message' ? () => undefined : listener)) as WorkerLike['addEventListener'];
        setTimeout(() => worker.die(), 20);
      }
      return worker;
    };
    const client = createRuntimeClient({ createWorker: dying });
    const response = await client.check(check);
    expect(response.result.console[0]?.text).toBe('answered');
    expect(started).toHaveLength(2);
    expect(started[0]?.requests).toEqual([]);
    client.dispose();
  });
});

describe("the page's check runners", () => {
  const checkedOn = (request: AnsweredRequest, worker: number) =>
    request.type === 'check' ? { type: 'check-result', id: request.id, result: okResult(`${request.source} on ${worker}`), observations: [] } : undefined;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('keeps one loaded, warmed-up worker waiting, gives each Check its own, and prepares the next after it', async () => {
    const { started, createWorker } = fakeWorkers(checkedOn);
    const types = (worker: number) => started[worker]?.requests.map((request) => request.type);
    const runner = createWarmCheckRunner({ createWorker });
    runner.prepare();
    runner.prepare();
    expect(started).toHaveLength(1);
    // Once ready, the waiting worker ran the runtime's own warm-up, once, and nothing else.
    // Polled, not slept for: on a loaded machine the ready reply and the timer after it take longer than any fixed wait (CI).
    await vi.waitFor(() => expect(types(0)).toEqual(['warm-up']), { timeout: 5_000, interval: 5 });
    const first = await runner({ ...check, source: 'a' });
    // The warm-up left it fresh: the Check ran on it, not on another.
    expect(first.result.console[0]?.text).toBe('a on 0');
    expect(types(0)).toEqual(['warm-up', 'check']);
    expect(started[0]?.terminated).toBe(true);
    // The next Check's worker was started once the first was answered, and ran nothing of a learner's.
    expect(started).toHaveLength(2);
    await vi.waitFor(() => expect(types(1)).toEqual(['warm-up']), { timeout: 5_000, interval: 5 });
    const second = await runner({ ...check, source: 'b' });
    expect(second.result.console[0]?.text).toBe('b on 1');
    expect(started.map((worker) => worker.requests.filter((request) => request.type === 'check').length)).toEqual([1, 1, 0]);
    runner.dispose();
    expect(started[2]?.terminated).toBe(true);
  });

  it("on a page, starts the next Check's worker only when the page says it has shown the answer", async () => {
    const { started, createWorker } = fakeWorkers(checkedOn);
    const runner = createWarmCheckRunner({ createWorker }, { prepareOnAnswer: false });
    const first = await runner({ ...check, source: 'a' });
    expect(first.result.console[0]?.text).toBe('a on 0');
    await settle();
    // Answered, and no worker loads while the page draws the answer.
    expect(started).toHaveLength(1);
    runner.prepare();
    expect(started).toHaveLength(2);
    const second = await runner({ ...check, source: 'b' });
    expect(second.result.console[0]?.text).toBe('b on 1');
    runner.dispose();
  });

  it('does not warm up a worker a Check took while it waited to (a page checked as soon as it opened)', async () => {
    const { started, createWorker } = fakeWorkers(checkedOn);
    const runner = createWarmCheckRunner({ createWorker });
    // The warm-up is due well after the Check takes the worker, even on a loaded machine.
    runner.prepare(400);
    await settle();
    const first = await runner({ ...check, source: 'a' });
    expect(first.result.console[0]?.text).toBe('a on 0');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(started[0]?.requests.map((request) => request.type)).toEqual(['check']);
    runner.dispose();
  });

  it('never warms up a worker that has run a program: a check after a run still gets a fresh one', async () => {
    const { started, createWorker } = fakeWorkers((request) =>
      request.type === 'run' ? { type: 'result', id: request.id, result: okResult('ran') } : checkedOn(request, 0),
    );
    const client = createRuntimeClient({ createWorker });
    await client.run('x');
    await client.warmUp();
    expect(started[0]?.requests.map((request) => request.type)).toEqual(['run']);
    await client.check(check);
    expect(started).toHaveLength(2);
    client.dispose();
  });

  it("remembers the reference's answer to the same request, and not an answer that came from the runtime's trouble", async () => {
    let calls = 0;
    const answers = [okResult('first'), failedRun(timeoutError(50, 'busy')), okResult('third')];
    const remembering = rememberingRunner(async () => ({ result: answers[calls++]!, observations: [] }));
    expect((await remembering({ ...check, seed: 1 })).result.console[0]?.text).toBe('first');
    expect((await remembering({ ...check, seed: 1 })).result.console[0]?.text).toBe('first');
    expect(calls).toBe(1);
    // Another seed is another request; a timeout is not kept, so it is asked again.
    expect((await remembering({ ...check, seed: 2 })).result.error?.kind).toBe('timeout');
    expect((await remembering({ ...check, seed: 2 })).result.console[0]?.text).toBe('third');
    expect(calls).toBe(3);
  });
});
