/**
 * Reads a SQLite database as the learner would want to see it after a run: every table
 * with its columns, primary and foreign keys (with their ON DELETE / ON UPDATE actions),
 * its row count and its first rows. Works on any sql.js Database, the live one in the
 * worker or a copy opened elsewhere, without going through Sequelize (so nothing of it
 * shows in the program's SQL log).
 */
import type { Database as SqlJsDatabase, SqlValue } from 'sql.js';
import type { ColumnInfo, DatabaseSnapshot, JsonValue, TableSnapshot } from '../../schemas/run-result';
import { toJsonValue } from './json-value';

export const DEFAULT_ROW_LIMIT = 200;

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function query(db: SqlJsDatabase, sql: string): Record<string, SqlValue>[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i] ?? null])));
}

function inspectTable(db: SqlJsDatabase, name: string, rowLimit: number): TableSnapshot {
  const table = quoteIdentifier(name);
  const foreignKeys = new Map(
    query(db, `PRAGMA foreign_key_list(${table})`).map((fk) => [
      String(fk.from),
      {
        table: String(fk.table),
        column: fk.to === null ? '' : String(fk.to),
        onDelete: String(fk.on_delete),
        onUpdate: String(fk.on_update),
      },
    ]),
  );
  const columns: ColumnInfo[] = query(db, `PRAGMA table_info(${table})`).map((column) => {
    const references = foreignKeys.get(String(column.name));
    return {
      name: String(column.name),
      type: String(column.type),
      primaryKey: Number(column.pk) > 0,
      notNull: Number(column.notnull) === 1,
      defaultValue: column.dflt_value === null ? null : String(column.dflt_value),
      ...(references ? { references } : {}),
    };
  });
  const rowCount = Number(query(db, `SELECT COUNT(*) AS n FROM ${table}`)[0]?.n ?? 0);
  const rows = query(db, `SELECT * FROM ${table} LIMIT ${rowLimit}`).map((row) => {
    const out: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(row)) out[key] = toJsonValue(value);
    return out;
  });
  return { name, columns, rows, rowCount };
}

export function inspectDatabase(db: SqlJsDatabase, rowLimit = DEFAULT_ROW_LIMIT): DatabaseSnapshot {
  const names = query(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
  return { tables: names.map((row) => inspectTable(db, String(row.name), rowLimit)) };
}
