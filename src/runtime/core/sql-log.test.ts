/** The SQL log's cap: a full log stops recording, and counts what it left out. */
import { describe, expect, it } from 'vitest';
import { printRun } from '../../grader/format-run';
import { failedRun } from '../../schemas/run-result';
import { MAX_STATEMENTS, SqlRecorder } from './sql-log';

describe('the SQL log', () => {
  it('keeps the first statements and counts the ones past the cap', () => {
    const recorder = new SqlRecorder(() => 0);
    for (let i = 0; i < MAX_STATEMENTS + 3; i++) {
      const query = recorder.start(undefined);
      query.send(`SELECT ${i}`, []).answer();
      query.finish();
    }
    expect(recorder.statements).toHaveLength(MAX_STATEMENTS);
    expect(recorder.statements.at(-1)?.sql).toBe(`SELECT ${MAX_STATEMENTS - 1}`);
    expect(recorder.dropped).toBe(3);
    expect(recorder.inFlight).toBe(0);
  });

  it('is said by `assoclab run --sql`', () => {
    const result = {
      ...failedRun({ kind: 'exit', name: 'x', message: 'x', details: [] }),
      ok: true,
      sql: [{ sql: 'SELECT 1', bind: [], durationMs: 0, internal: false }],
      sqlOmitted: 1234,
    };
    delete (result as { error?: unknown }).error;
    const out: string[] = [];
    printRun(result, 'main.js', { out: (line) => out.push(line), err: (line) => out.push(line) }, { sql: true, consolePrinted: true });
    expect(out.at(-1)).toBe('     … 1,234 more statements not recorded');
  });
});
