/**
 * The shape of a statement: its SQL with every literal (numbers, quoted strings, bind
 * placeholders, IN lists) replaced by `?` and whitespace collapsed. Two statements of one
 * shape differ only in their values: the N+1 check (src/checks/verdicts.ts) and the SQL
 * panel's repeated-query groups (./n-plus-one.ts) both compare shapes.
 */
export function statementShape(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\$\d+/g, '?')
    .replace(/\b\d+(?:\.\d+)?\b/g, '?')
    .replace(/\(\s*\?(?:\s*,\s*\?)*\s*\)/g, '(?)')
    .replace(/\s+/g, ' ')
    .trim();
}
