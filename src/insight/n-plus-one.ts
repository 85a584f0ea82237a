/**
 * Queries that repeat with only their values changing, sent by the same line of the
 * program: the N+1 pattern (one query for a list, then one more per row of it, from a loop
 * that calls an accessor such as `getPosts()`). Shown as one group in the SQL panel and
 * marked in `assoclab run --sql`.
 */
import type { SqlStatement } from '../schemas/run-result';
import { statementShape } from './statement-shape';

/** The course section that explains the pattern and its cure (`include`). */
export const N_PLUS_ONE_LESSON = {
  label: 'Loading related rows together: include',
  href: '/lessons/basics/has-many-belongs-to/#loading-related-rows-together-include',
};

export interface RepeatedQuery {
  /** The statements of the group, as indexes into the run's SQL log, in order. */
  statements: number[];
  /** The program line that sent every one of them. */
  line: number;
  /** The statements' common shape (their SQL with values replaced by `?`). */
  shape: string;
  /** The shape, shortened to read at a glance: `SELECT ... FROM Posts WHERE userId = ?`. */
  label: string;
  /** How many different sets of values the group holds (at least 2). */
  variants: number;
}

/** The shape without quotes, column list, table aliases and qualifiers: what a learner needs to recognise it. */
export function shortLabel(shape: string): string {
  return shape
    .replace(/[`"]/g, '')
    .replace(/^SELECT\s+[\s\S]*?\s+FROM\s/i, 'SELECT ... FROM ')
    .replace(/\s+AS\s+[\w$]+/gi, '')
    .replace(/\b[\w$]+\.(?=[\w$])/g, '')
    .replace(/\s*;\s*$/, '');
}

/**
 * Groups of SELECTs of one shape sent from one line with at least two different sets of
 * values. A single query (an `include`) is never a group; nor are statements of different
 * shapes sent from one loop, nor the same query repeated with the same values.
 */
export function findNPlusOne(statements: readonly SqlStatement[]): RepeatedQuery[] {
  const groups = new Map<string, { indexes: number[]; shape: string; line: number; variants: Set<string> }>();
  statements.forEach((statement, index) => {
    if (statement.internal || !statement.source || !/^\s*SELECT\b/i.test(statement.sql)) return;
    const shape = statementShape(statement.sql);
    const key = `${statement.source.line}\u0000${shape}`;
    let group = groups.get(key);
    if (!group) {
      group = { indexes: [], shape, line: statement.source.line, variants: new Set() };
      groups.set(key, group);
    }
    group.indexes.push(index);
    group.variants.add(`${statement.sql}\u0000${JSON.stringify(statement.bind)}`);
  });
  return [...groups.values()]
    .filter((group) => group.variants.size >= 2)
    .map((group) => ({ statements: group.indexes, line: group.line, shape: group.shape, label: shortLabel(group.shape), variants: group.variants.size }))
    .sort((a, b) => a.statements[0]! - b.statements[0]!);
}
