/**
 * The prose test: every `text` and `sql` fence in a lesson names the program it shows,
 * and says exactly what a real run of that program prints or sends.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeHost } from '../runtime/node/node-host';
import { runProgram, type RuntimeHost } from '../runtime/core/execute';
import { readCourseSources } from './course-files';
import { fenceStatements, normaliseSql, proseFences } from './prose-outputs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let host: RuntimeHost;
beforeAll(async () => {
  host = await createNodeHost();
});

describe('proseFences', () => {
  it('reads each fence with its language, program and line', () => {
    const mdx = 'Intro\n\n```text output="_a.js"\nHi\n```\n\n```sql\nSELECT 1;\n```\n\n```js\nx\n```\n';
    expect(proseFences(mdx)).toEqual([
      { language: 'text', program: '_a.js', body: 'Hi', line: 3 },
      { language: 'sql', body: 'SELECT 1;', line: 7 },
    ]);
  });

  it('compares SQL whatever its layout', () => {
    expect(fenceStatements('SELECT `id`\nFROM `Users`\nWHERE (\n  `id` = 1\n);\nSELECT 2;')).toEqual(['SELECT `id` FROM `Users` WHERE (`id` = 1)', 'SELECT 2']);
    expect(normaliseSql('SELECT `id` FROM `Users` WHERE (`id` = 1);')).toBe('SELECT `id` FROM `Users` WHERE (`id` = 1)');
  });
});

const lessons = readCourseSources(root).lessons.map((lesson) => ({ ...lesson, fences: proseFences(lesson.body) }));

describe.each(lessons.map((lesson) => [lesson.file, lesson] as const))('%s', (file, lesson) => {
  it('names the program of every output and SQL block', () => {
    const unnamed = lesson.fences.filter((fence) => !fence.program).map((fence) => `${file}:${fence.line + (lesson.lineOffset ?? 0)} (${fence.language})`);
    expect(unnamed, 'a text or sql block must say which program it comes from: ```text output="_program.js"').toEqual([]);
  });

  it.each(
    lesson.fences.filter((fence) => fence.program).map((fence) => [`${fence.language} block at line ${fence.line + (lesson.lineOffset ?? 0)}`, fence] as const),
  )('shows what a real run gives: %s', async (_name, fence) => {
    const source = readFileSync(join(root, dirname(file), fence.program ?? ''), 'utf8');
    const result = await runProgram(source, host, { language: fence.program?.endsWith('.ts') ? 'typescript' : 'javascript' });
    expect(result.error).toBeUndefined();
    if (fence.language === 'text') {
      expect(fence.body).toBe(result.console.map((entry) => entry.text).join('\n'));
    } else {
      const sent = result.sql.map((statement) => normaliseSql(statement.sql));
      for (const statement of fenceStatements(fence.body)) expect(sent, 'the SQL block shows a statement the program never sent').toContain(statement);
    }
  });
});
