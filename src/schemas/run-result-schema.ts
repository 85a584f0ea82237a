/**
 * The run result (./run-result.ts) as a Zod schema, for the one place that must not trust
 * it: where a runtime worker's reply arrives (src/runtime/protocol/client.ts). A worker
 * runs learner code, so its replies are checked before anything reads them. Kept apart
 * from ./run-result.ts so code that only builds results does not bundle Zod.
 *
 * Each schema is typed against its interface, so the two cannot drift apart unnoticed.
 */
import { z } from 'zod';
import type { AppExchange } from './app-exchange';
import type { ProbeObservation } from './exercise';
import type {
  AssociationInfo,
  AttributeInfo,
  ChangeLog,
  ColumnInfo,
  ConsoleEntry,
  JsonValue,
  ModelInfo,
  RunError,
  RunResult,
  SqlStatement,
  TableSnapshot,
} from './run-result';

/**
 * JSON-safe values (bound values, rows, probe results) are checked by a plain recursive
 * function: a z.lazy union costs several times more per value, and a run holds many.
 */
function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return true;
  if (typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value) if (!isJsonValue((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

const jsonValueSchema = z.custom<JsonValue>((value) => isJsonValue(value), 'not a JSON value');

const locationSchema = z.object({ line: z.number(), column: z.number() });

export const consoleEntrySchema: z.ZodType<ConsoleEntry> = z.object({
  level: z.enum(['log', 'info', 'warn', 'error', 'debug']),
  text: z.string(),
  at: z.number(),
  origin: z.literal('sequelize').optional(),
});

const sqlStatementSchema: z.ZodType<SqlStatement> = z.object({
  sql: z.string(),
  bind: z.array(jsonValueSchema),
  durationMs: z.number(),
  source: locationSchema.optional(),
  internal: z.boolean(),
  error: z.string().optional(),
});

const runErrorSchema: z.ZodType<RunError> = z.object({
  kind: z.enum(['syntax', 'runtime', 'thrown-value', 'unhandled-rejection', 'exit', 'timeout', 'memory', 'import', 'cancelled', 'internal']),
  name: z.string(),
  message: z.string(),
  location: locationSchema.optional(),
  details: z.array(z.string()),
});

const columnSchema: z.ZodType<ColumnInfo> = z.object({
  name: z.string(),
  type: z.string(),
  primaryKey: z.boolean(),
  notNull: z.boolean(),
  defaultValue: z.string().nullable(),
  references: z.object({ table: z.string(), column: z.string(), onDelete: z.string(), onUpdate: z.string() }).optional(),
});

const tableSchema: z.ZodType<TableSnapshot> = z.object({
  name: z.string(),
  columns: z.array(columnSchema),
  rows: z.array(z.record(jsonValueSchema)),
  rowCount: z.number(),
});

const associationSchema: z.ZodType<AssociationInfo> = z.object({
  type: z.enum(['HasMany', 'BelongsTo', 'HasOne', 'BelongsToMany']),
  source: z.string(),
  target: z.string(),
  as: z.string(),
  aliased: z.boolean(),
  foreignKey: z.string(),
  sourceKey: z.string().optional(),
  targetKey: z.string().optional(),
  through: z.string().optional(),
  otherKey: z.string().optional(),
  onDelete: z.string().optional(),
  onUpdate: z.string().optional(),
  ignoredOnDelete: z.string().optional(),
  accessors: z.array(z.string()),
});

const attributeSchema: z.ZodType<AttributeInfo> = z.object({
  name: z.string(),
  field: z.string(),
  type: z.string(),
  primaryKey: z.boolean(),
  allowNull: z.boolean(),
  references: z.object({ model: z.string(), key: z.string() }).optional(),
});

const modelSchema: z.ZodType<ModelInfo> = z.object({
  name: z.string(),
  tableName: z.string(),
  attributes: z.array(attributeSchema),
  associations: z.array(associationSchema),
});

const rowSchema = z.record(jsonValueSchema);

const changeLogSchema: z.ZodType<ChangeLog> = z.object({
  steps: z.array(
    z.object({
      statement: z.number().int().nonnegative(),
      rows: z.array(
        z.object({
          table: z.string(),
          kind: z.enum(['added', 'removed', 'changed']),
          rowid: z.number(),
          fromRowid: z.number().optional(),
          before: rowSchema.optional(),
          after: rowSchema.optional(),
        }),
      ),
    }),
  ),
  stoppedAt: z.object({ statement: z.number().int().nonnegative(), reason: z.string() }).optional(),
});

export const runResultSchema: z.ZodType<RunResult> = z.object({
  ok: z.boolean(),
  console: z.array(consoleEntrySchema),
  truncated: z.object({ droppedEntries: z.number(), droppedChars: z.number(), afterEntry: z.number() }).optional(),
  sql: z.array(sqlStatementSchema),
  sqlOmitted: z.number().int().nonnegative().optional(),
  changes: changeLogSchema.optional(),
  error: runErrorSchema.optional(),
  database: z.object({ tables: z.array(tableSchema) }),
  models: z.object({ models: z.array(modelSchema) }),
  exports: z.array(z.string()),
  listening: z.array(z.number().int().positive()).optional(),
  timings: z.object({ prepareMs: z.number(), executeMs: z.number(), inspectMs: z.number(), totalMs: z.number() }),
});

/** What a request to a live app came to (./app-exchange.ts). */
export const appExchangeSchema: z.ZodType<AppExchange> = z.object({
  ok: z.boolean(),
  response: z
    .object({
      status: z.number().int(),
      statusText: z.string(),
      headers: z.array(z.tuple([z.string(), z.string()])),
      body: z.string(),
    })
    .optional(),
  error: runErrorSchema.optional(),
  sql: z.array(sqlStatementSchema),
  console: z.array(consoleEntrySchema),
  timeMs: z.number(),
  appStopped: z.boolean().optional(),
});

export const probeObservationSchema: z.ZodType<ProbeObservation> = z.object({
  id: z.string(),
  status: z.enum(['returned', 'threw', 'timeout', 'unavailable']),
  value: jsonValueSchema.optional(),
  error: z.string().optional(),
  sql: z.array(sqlStatementSchema).optional(),
});
