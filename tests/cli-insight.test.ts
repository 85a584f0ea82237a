/**
 * What `assoclab` shows beyond a program's output: N+1 groups and the rows each statement
 * changed in `run --sql`, the change log in `run --json`, and `diagram`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'assoclab.mjs');
const lesson = join(root, 'lessons', '01-basics', '01-has-many-belongs-to');
const cascade = join(lesson, '_cascade-program.js');
const lazyLoop = join(lesson, '_exercises', 'eager-load-posts', 'starter.js');
const include = join(lesson, '_exercises', 'eager-load-posts', 'solution.js');
const scratch = mkdtempSync(join(tmpdir(), 'assoclab-insight-'));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('assoclab run --sql', () => {
  it('marks each statement of an N+1 loop and names the group: its shape, count and line, and where the course explains it', async () => {
    const { code, stdout } = await cli('run', lazyLoop, '--sql');
    expect(code).toBe(0);
    expect(stdout.match(/\[N\+1 \d\/3\]/g)).toEqual(['[N+1 1/3]', '[N+1 2/3]', '[N+1 3/3]']);
    expect(stdout).toMatch(/-- Likely N\+1: SELECT \.\.\. FROM Posts WHERE userId = \? ORDER BY id ASC ×3, line 30 \(statements \d+, \d+, \d+\)/);
    expect(stdout).toContain('/lessons/basics/has-many-belongs-to/#loading-related-rows-together-include');
  });

  it('marks nothing when the rows come with one include', async () => {
    const { stdout } = await cli('run', include, '--sql');
    expect(stdout).not.toContain('N+1');
  });

  it('says what each write did to the rows, cascades included', async () => {
    const { stdout } = await cli('run', cascade, '--sql');
    expect(stdout).toMatch(/DELETE FROM `Users` WHERE `id` = 1\n {5}\(line 23, [\d.]+ ms; 1 row removed from Users, 2 from Posts; 1 row changed in Comments\)/);
    expect(stdout).toMatch(/INSERT INTO `Posts`.*\n.*1 row added to Posts\)/);
  });
});

describe('assoclab run --json', () => {
  it('includes the rows each statement changed, by the statement’s index in the SQL log', async () => {
    const { code, stdout } = await cli('run', cascade, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const destroy = result.sql.findIndex((statement: { sql: string }) => statement.sql.startsWith('DELETE FROM `Users`'));
    const step = result.changes.steps.find((candidate: { statement: number }) => candidate.statement === destroy);
    expect(
      step.rows.map((row: { kind: string; table: string; before?: { title?: string } }) => `${row.kind} ${row.table} ${row.before?.title ?? ''}`.trim()),
    ).toEqual(['changed Comments', 'removed Posts Tea', 'removed Posts Coffee', 'removed Users']);
  });
});

describe('assoclab diagram', () => {
  it('prints the Mermaid erDiagram of the program’s models, without the program’s output', async () => {
    const { code, stdout, stderr } = await cli('diagram', cascade);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^erDiagram\n {2}User \{\n {4}INTEGER id PK\n/);
    expect(stdout).toContain('    INTEGER userId FK "references User"');
    expect(stdout).toContain('  User ||--o{ Post : "hasMany as Posts (userId)"\n');
    expect(stdout).toContain('  Comment }o--|| User : "belongsTo as User (userId)"\n');
    expect(stdout).not.toContain('Posts left');
  });

  it('--text lists the associations in words', async () => {
    const { stdout } = await cli('diagram', cascade, '--text');
    expect(stdout.split('\n')).toEqual([
      'User hasMany Post as Posts, foreign key userId, on delete CASCADE',
      'User hasMany Comment as Comments, foreign key userId, on delete SET NULL',
      'Post belongsTo User as User, foreign key userId',
      'Comment belongsTo User as User, foreign key userId',
      '',
    ]);
  });

  it('exits 1 and says why for a program without models, or one that fails (drawing what it defined)', async () => {
    const none = join(scratch, 'none.js');
    writeFileSync(none, "console.log('no models here');\n");
    const empty = await cli('diagram', none);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/defines no models/);

    const failing = join(scratch, 'failing.js');
    writeFileSync(
      failing,
      "import { Sequelize, DataTypes } from 'sequelize';\nconst sequelize = new Sequelize('sqlite::memory:');\nsequelize.define('User', { name: DataTypes.STRING });\nthrow new Error('boom');\n",
    );
    const failed = await cli('diagram', failing);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('  User {');
    expect(failed.stderr).toMatch(/the program failed: Error: boom\nThe diagram shows the models it defined before that\./);
  });

  it('is a usage error without a file', async () => {
    const { code, stderr } = await cli('diagram');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Missing <file>/);
  });
});
