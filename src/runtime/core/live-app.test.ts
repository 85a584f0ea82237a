/**
 * An Express app that outlives its program (./live-app.ts), run in-process in Node with
 * the real Express and Sequelize: requests reach it after the program's last line, each
 * with its own SQL, output, errors and time budget.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppRequest } from '../../schemas/app-exchange';
import { createNodeHost } from '../node/node-host';
import { runProgram, type RuntimeHost } from './execute';
import type { LiveApp } from './live-app';

const program = readFileSync(new URL('../../../tests/fixtures/express-api.js', import.meta.url), 'utf8');
const lineOf = (text: string) => program.split('\n').findIndex((line) => line.includes(text)) + 1;

let host: RuntimeHost;
beforeAll(async () => {
  host = await createNodeHost();
});

/** Runs a program and returns its live app (and the run's result). */
async function start(source = program, timeBudgetMs = 5_000) {
  let app: LiveApp | undefined;
  const result = await runProgram(source, host, { timeBudgetMs, onListening: (live) => (app = live) });
  return { result, app };
}

const get = (path: string): AppRequest => ({ method: 'GET', path, headers: {} });

describe('an app that listens', () => {
  it('outlives its program: the run ends, and the app answers later with the data the program made', async () => {
    const { result, app } = await start();
    expect(result.error).toBeUndefined();
    expect(result.listening).toEqual([3000]);
    expect(result.console.map((entry) => entry.text)).toEqual(['Listening on port 3000']);
    const exchange = await app!.request(get('/users/1/posts'));
    expect(exchange.ok).toBe(true);
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.headers).toContainEqual(['content-type', 'application/json; charset=utf-8']);
    expect(JSON.parse(exchange.response!.body)).toEqual([
      { id: 1, title: 'Hello' },
      { id: 2, title: 'World' },
    ]);
    app!.close();
  });

  it('reports the SQL each request caused, with the route line that sent it, and only that request’s', async () => {
    const { result, app } = await start();
    expect(result.sql.some((statement) => statement.sql.startsWith('INSERT INTO `Posts`'))).toBe(true);
    const exchange = await app!.request(get('/users/1/posts'));
    expect(exchange.sql.map((statement) => statement.sql.split(' ')[0])).toEqual(['SELECT', 'SELECT']);
    expect(exchange.sql[1]?.sql).toContain('`Post`.`userId` = 1');
    expect(exchange.sql[1]?.source?.line).toBe(lineOf('user.getPosts('));
    const second = await app!.request(get('/users/1/posts'));
    expect(second.sql).toHaveLength(2);
    app!.close();
  });

  it('routes by method and params, reads query strings, and parses a JSON body with express.json()', async () => {
    const { app } = await start();
    const created = await app!.request({ method: 'POST', path: '/users', headers: {}, body: '{"name":"Ann"}' });
    expect(created.response?.status).toBe(201);
    expect(JSON.parse(created.response!.body)).toEqual({ id: 2, name: 'Ann' });
    expect(created.console.map((entry) => entry.text)).toEqual(['created Ann']);
    expect(created.sql.map((statement) => statement.sql.split(' ')[0])).toEqual(['INSERT']);
    const limited = await app!.request(get('/users/1/posts?limit=1'));
    expect(JSON.parse(limited.response!.body)).toEqual([{ id: 1, title: 'Hello' }]);
    const missing = await app!.request(get('/users/99/posts'));
    expect(missing.response?.status).toBe(404);
    expect(JSON.parse(missing.response!.body)).toEqual({ error: 'No such user' });
    app!.close();
  });

  it('answers an unknown route with Express’s own 404', async () => {
    const { app } = await start();
    const exchange = await app!.request(get('/nowhere'));
    expect(exchange.ok).toBe(true);
    expect(exchange.response?.status).toBe(404);
    expect(exchange.response?.body).toContain('Cannot GET /nowhere');
    app!.close();
  });

  it('answers a throwing route with Express’s 500, and gives the error at its line', async () => {
    const { app } = await start();
    const exchange = await app!.request(get('/broken'));
    expect(exchange.response?.status).toBe(500);
    expect(exchange.error).toMatchObject({
      name: 'Error',
      message: 'this route is broken',
      location: { line: lineOf("throw new Error('this route is broken')") },
    });
    expect(exchange.ok).toBe(false);
    // The app goes on.
    expect((await app!.request(get('/users/1/posts'))).response?.status).toBe(200);
    app!.close();
  });

  it('prints what Express logs of the error it answered as Express’s output, not as a warning of Sequelize’s', async () => {
    // Outside tests (NODE_ENV=test), Express logs every error it answers 500 for.
    const source = [
      "import express from 'express';",
      'const app = express();',
      "app.set('env', 'development');",
      "app.get('/', () => { throw new Error('logged'); });",
      'app.listen(3000);',
    ].join('\n');
    const { app } = await start(source);
    const exchange = await app!.request(get('/'));
    expect(exchange.console).toEqual([expect.objectContaining({ level: 'error', text: expect.stringMatching(/^Error: logged\n/) })]);
    expect(exchange.console[0]?.origin).toBeUndefined();
    app!.close();
  });

  it('lets the program’s own error handler answer, and reports no error then', async () => {
    const { app } = await start();
    const exchange = await app!.request(get('/handled'));
    expect(exchange.response?.status).toBe(418);
    expect(JSON.parse(exchange.response!.body)).toEqual({ handled: 'for the handler' });
    expect(exchange.error).toBeUndefined();
    app!.close();
  });

  it('stops a request that never answers after the budget, saying no response was sent, and keeps the app', async () => {
    const { app } = await start(program, 300);
    const exchange = await app!.request(get('/forgotten'));
    expect(exchange.response).toBeUndefined();
    expect(exchange.error?.kind).toBe('timeout');
    expect(exchange.error?.message).toMatch(/^Stopped after 0\.3 s: no response was sent\..*res\.json\(\)/);
    expect(exchange.timeMs).toBeGreaterThanOrEqual(300);
    expect((await app!.request(get('/users/1/posts'))).response?.status).toBe(200);
    app!.close();
  });

  it('gives each request the whole budget: an app outlives it', async () => {
    const { app } = await start(program, 300);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await app!.request(get('/users/1/posts'))).response?.status).toBe(200);
    app!.close();
  });

  it('stops a route that loops forever at its line, and ends the app', async () => {
    const source = [
      "import express from 'express';",
      'const app = express();',
      "app.get('/spin', (req, res) => {",
      '  while (true) {}',
      '});',
      'app.listen(3000);',
    ].join('\n');
    const { app } = await start(source, 300);
    const exchange = await app!.request(get('/spin'));
    expect(exchange.error).toMatchObject({ kind: 'timeout', location: { line: 4 } });
    expect(exchange.appStopped).toBe(true);
    expect((await app!.request(get('/spin'))).error?.name).toBe('NoApp');
  });

  it('is not kept when the program failed, or when nobody asked for it', async () => {
    const failing = await start("import express from 'express';\nexpress().listen(3000);\nthrow new Error('after listen');\n");
    expect(failing.app).toBeUndefined();
    expect(failing.result.listening).toBeUndefined();
    const plain = await start("console.log('no app');\n");
    expect(plain.app).toBeUndefined();
    expect(plain.result.listening).toBeUndefined();
  });
});
