/**
 * `assoclab run --request`, run as a user runs it: requests reach the Express app the
 * program left listening, after its last line, and each response is printed (or given as
 * data with --json).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'assoclab.mjs');
const api = join(root, 'tests', 'fixtures', 'express-api.js');
const seed = join(root, 'tests', 'fixtures', 'sample-program.js');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('assoclab run --request', () => {
  it('sends each request after the program ran and prints its status line and JSON body, pretty-printed', async () => {
    const { code, stdout, stderr } = await cli('run', api, '--request', 'GET /users/1/posts', '--request', 'POST /users {"name":"Ann"}');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Listening on port 3000\n\n> GET \/users\/1\/posts\n< 200 OK \(\d+ ms\)\n/);
    expect(stdout).toContain('[\n  {\n    "id": 1,\n    "title": "Hello"\n  },\n  {\n    "id": 2,\n    "title": "World"\n  }\n]\n');
    // The second request sees the app's state: the user the program made is 1, Ann is 2.
    expect(stdout).toMatch(/> POST \/users \{"name":"Ann"\}\ncreated Ann\n< 201 Created \(\d+ ms\)\n\{\n {2}"id": 2,\n {2}"name": "Ann"\n\}\n/);
  });

  it('prints the SQL each request caused with --sql', async () => {
    const { code, stdout } = await cli('run', api, '--sql', '--request', 'GET /users/1/posts');
    expect(code).toBe(0);
    const after = stdout.slice(stdout.indexOf('> GET /users/1/posts'));
    expect(after).toContain('-- SQL this request sent (2 statements)');
    expect(after).toMatch(/2\. SELECT .* FROM `Posts` AS `Post` WHERE `Post`\.`userId` = 1 .*\(line 23\)/);
  });

  it('marks a route that queries once per row as a likely N+1', async () => {
    // A route that loads each post's author one query at a time (line 18).
    const file = join(root, 'tests', 'fixtures', 'n-plus-one-route.js');
    const { code, stdout } = await cli('run', file, '--sql', '--request', 'GET /posts');
    expect(code).toBe(0);
    expect(stdout).toMatch(/-- Likely N\+1: SELECT .*Users.* ×3, line 18: one query per row of an earlier result/);
  });

  it('gives the responses as data with --json', async () => {
    const { code, stdout } = await cli('run', api, '--json', '--request', 'GET /users/1/posts', '--request', 'GET /nowhere');
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.listening).toEqual([3000]);
    expect(output.requests).toHaveLength(2);
    expect(output.requests[0]).toMatchObject({ request: { method: 'GET', path: '/users/1/posts' }, ok: true, response: { status: 200 } });
    expect(JSON.parse(output.requests[0].response.body)).toEqual([
      { id: 1, title: 'Hello' },
      { id: 2, title: 'World' },
    ]);
    expect(output.requests[0].sql).toHaveLength(2);
    expect(output.requests[1].response.status).toBe(404);
  });

  it('reports a throwing route at its line, after Express’s 500, and exits 1', async () => {
    const { code, stdout, stderr } = await cli('run', api, '--request', 'GET /broken');
    expect(code).toBe(1);
    expect(stdout).toContain('< 500 Internal Server Error');
    // Express's HTML page, read for a terminal: what it says, not its markup.
    expect(stdout).toContain("(Express's HTML error page, which says: Error: this route is broken)");
    expect(stdout).not.toContain('<!DOCTYPE');
    expect(stderr).toContain(`${api}:34:9: Error: this route is broken`);
  });

  it('says so when a request gets no response within the budget', async () => {
    const { code, stderr } = await cli('run', api, '--budget', '500', '--request', 'GET /forgotten');
    expect(code).toBe(1);
    expect(stderr).toContain('Timeout: Stopped after 0.5 s: no response was sent.');
  });

  it('fails clearly when the program starts no app', async () => {
    const { code, stderr } = await cli('run', seed, '--request', 'GET /users');
    expect(code).toBe(1);
    expect(stderr).toContain('--request needs an Express app: the program ended without one listening (call app.listen(3000)).');
  });

  it.each([
    ['FETCH /users', '"FETCH" is not a method this runtime sends (GET, POST, PUT, PATCH, DELETE).'],
    ['GET users', '"users" is not a path: it starts with "/"'],
    ['POST /users {name: Ann}', 'is not JSON'],
    ['GET', 'is not a request: write a method and a path'],
  ])('exits 2 for a malformed request: %s', async (line, message) => {
    const { code, stderr, stdout } = await cli('run', api, '--request', line);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`assoclab: --request: `);
    expect(stderr).toContain(message);
  });

  it('exits 2 for --request without a value', async () => {
    const { code, stderr } = await cli('run', api, '--request');
    expect(code).toBe(2);
    expect(stderr).toContain("Option '--request <value>' argument missing");
  });
});
