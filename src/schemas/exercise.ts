/**
 * The exercise schema: one auto-graded task, defined in
 * `lessons/NN-part/NN-lesson/_exercises/<id>/exercise.ts` with `defineExercise({...})`.
 * Checks and probes are plain data (no functions), so an exercise can cross to a worker
 * and the same definition serves the browser, the grader and the tests.
 */
import { z } from 'zod';
import { REQUEST_METHODS } from './app-exchange';
import { parseRequestLine } from './request-line';
import { exerciseIdSchema } from './lesson';
import { difficultySchema, topicIdSchema } from './topics';
import { parseWithFriendlyErrors } from './parse';
import type { JsonValue, SqlStatement } from './run-result';

const name = (what: string) => z.string().trim().min(1, 'must not be empty').describe(what);

const checkBase = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes')
    .describe('The check’s id, unique within the exercise (lower-case, dash-separated).'),
  title: name('What the check wants, in one short sentence a learner understands (“User has many Post”).'),
};

const onActionSchema = z.enum(['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION', 'SET DEFAULT']).describe('A referential action as SQL spells it.');

/** A value a probe puts in a row it seeds. */
export const probeValueSchema = z
  .union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.object({ random: z.enum(['word', 'title', 'name', 'number']).describe('A random value of this kind, drawn from the run’s seed.') }).strict(),
    z
      .object({
        ref: z.string().describe('The `as` of a row seeded earlier by the same probe.'),
        attribute: z.string().describe('Which attribute of that row to use (usually `id`).'),
      })
      .strict(),
  ])
  .describe('A literal, a random value drawn from the seed, or an attribute of a row seeded earlier.');

export const probeRowSchema = z
  .object({
    as: name('A name for this row, so later rows and the call can refer to it.'),
    model: name('The model to create the row with (the name given to `sequelize.define`).'),
    values: z.record(probeValueSchema).describe('The attributes to create the row with.'),
  })
  .strict()
  .describe('One row a probe creates with the program’s own model before calling into the program.');

/** What a probe calls after seeding: an exported function, a method of a seeded row, or a route of the program's app. */
export const probeCallSchema = z
  .union([
    z
      .object({
        request: z
          .object({
            method: z.enum(REQUEST_METHODS).default('GET'),
            path: z
              .string()
              .regex(/^\/\S*$/, 'a path starts with "/" and has no spaces')
              .describe('The path; `:as.attribute` is replaced by a seeded row’s attribute: `/users/:writer.id/posts`.'),
            body: z.record(probeValueSchema).optional().describe('A JSON body, its values like a seeded row’s (literals, random values, refs).'),
          })
          .strict(),
      })
      .strict()
      .describe('Sends a request to the Express app the program left listening; the observation is the status and the JSON body.'),
    z
      .object({
        export: name('The name of the function the program exports.'),
        args: z.array(z.string()).default([]).describe('The `as` names of seeded rows passed as arguments, in order.'),
      })
      .strict(),
    z
      .object({
        method: name('An instance method to call, such as an association accessor (`getPosts`).'),
        on: name('The `as` of the seeded row to call it on.'),
        args: z.array(z.string()).default([]).describe('The `as` names of seeded rows passed as arguments, in order.'),
      })
      .strict(),
  ])
  .describe('What the probe calls once its rows exist.');

/**
 * A probe: code of the course (not the learner's) that runs inside the runtime after the
 * program, seeds rows of its own (random per grading), calls into the program and records
 * what came back as plain data. Verdicts are computed from that data outside the runtime.
 */
export const probeSpecSchema = z
  .object({
    seed: z.array(probeRowSchema).default([]).describe('Rows to create, in order, before the call.'),
    call: probeCallSchema,
    timeoutMs: z.number().int().positive().max(10_000).default(1_500).describe('A call still pending after this long counts as a failure (ms).'),
  })
  .strict();

const projectionSchema = z
  .array(z.string())
  .optional()
  .describe(
    'For results that are rows or lists of rows: compare only these attributes (ids and timestamps differ between runs); `posts.title` reaches into nested rows.',
  );

export const checkSpecSchema = z.discriminatedUnion('kind', [
  z.object({ ...checkBase, kind: z.literal('runs-without-error').describe('The program finished without an error.') }).strict(),
  z
    .object({
      ...checkBase,
      kind: z.literal('association').describe('The model graph has this association.'),
      type: z.enum(['hasMany', 'belongsTo', 'hasOne', 'belongsToMany']).describe('The association method, as the learner writes it.'),
      source: name('The model the method is called on (`User` in `User.hasMany(Post)`).'),
      target: name('The model passed to the method (`Post` in `User.hasMany(Post)`).'),
      foreignKey: z.string().optional().describe('The foreign key attribute it must use, when the exercise asks for one.'),
      as: z.string().optional().describe('The alias (`as`) it must have, when the exercise asks for one.'),
      through: z.string().optional().describe('belongsToMany: the join model’s name.'),
      onDelete: onActionSchema.optional().describe('The ON DELETE action it must set.'),
      key: z
        .string()
        .optional()
        .describe(
          'The attribute of the "one" side whose value the foreign key holds, when it is not the primary key: `sourceKey` of hasMany/hasOne, `targetKey` of belongsTo (not for belongsToMany).',
        ),
    })
    .strict(),
  z.object({ ...checkBase, kind: z.literal('table-exists'), table: name('The table’s name as SQLite holds it (`Posts`).') }).strict(),
  z.object({ ...checkBase, kind: z.literal('column-exists'), table: name('The table’s name.'), column: name('The column’s name.') }).strict(),
  z
    .object({
      ...checkBase,
      kind: z.literal('foreign-key').describe('The table has a FOREIGN KEY constraint from `column` to `references`.'),
      table: name('The table holding the foreign key (`Posts`).'),
      column: name('The foreign key column (`userId`).'),
      references: z.object({ table: name('The referenced table.'), column: name('The referenced column.') }).strict(),
      onDelete: onActionSchema.optional().describe('The ON DELETE action the constraint must have, asked for by both associations of the pair.'),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      kind: z.literal('row-count'),
      table: name('The table to count.'),
      min: z.number().int().nonnegative().optional().describe('At least this many rows.'),
      max: z.number().int().nonnegative().optional().describe('At most this many rows.'),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      kind: z.literal('rows-include').describe('Every listed row has a matching row in the table (matching the given columns only).'),
      table: name('The table to search.'),
      rows: z
        .array(z.record(z.union([z.string(), z.number(), z.boolean(), z.null()])))
        .min(1)
        .describe('Partial rows that must be present.'),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      kind: z
        .literal('query-count')
        .describe('How many non-internal statements the program sent (probes excluded), or, with `during`, the request of a request probe.'),
      statement: z.enum(['any', 'select']).default('any').describe('Count every statement, or only SELECTs.'),
      min: z.number().int().nonnegative().optional(),
      max: z.number().int().nonnegative().optional(),
      during: z.string().optional().describe('The id of a request probe of this exercise: judge the statements its request caused, not the program’s own.'),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      kind: z.literal('join-used').describe('At least one SELECT joined these tables.'),
      tables: z.array(z.string()).min(1).describe('Tables that must all appear in one SELECT with a JOIN.'),
      during: z.string().optional().describe('The id of a request probe of this exercise: judge the statements its request caused, not the program’s own.'),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      kind: z
        .literal('no-n-plus-one')
        .describe('No SELECT of the same shape (the SQL with every literal replaced by ?) ran more than `maxRepeats` times with different values.'),
      maxRepeats: z.number().int().positive().default(1).describe('How often one shape may run with different values.'),
      during: z.string().optional().describe('The id of a request probe of this exercise: judge the statements its request caused, not the program’s own.'),
    })
    .strict(),
  z.object({ ...checkBase, kind: z.literal('console-contains'), text: name('Text that one printed line must contain.') }).strict(),
  z
    .object({
      ...checkBase,
      kind: z.literal('console-lines').describe('The printed lines are exactly these, in order (log and info only).'),
      lines: z.array(z.string()),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      kind: z.literal('probe').describe('Calls into the program with hidden data and compares with the reference solution.'),
      probe: probeSpecSchema,
      project: projectionSchema,
      order: z.enum(['exact', 'any']).default('any').describe('Whether lists must come back in the same order as the solution’s.'),
    })
    .strict(),
]);

export const exerciseSchema = z
  .object({
    id: exerciseIdSchema,
    title: name('The exercise’s title, shown above the editor and in the grader’s list.'),
    instructions: name('What to do, in a few sentences of markdown. The lesson around it carries the long explanation.'),
    starter: z.string().describe('The program the learner starts from (must fail at least one check).'),
    solution: z.string().describe('The reference solution (must pass every check); probes compare against it.'),
    checks: z.array(checkSpecSchema).min(1, 'needs at least one check').describe('The checks, in the order they are shown.'),
    topic: topicIdSchema,
    difficulty: difficultySchema,
    kind: z
      .enum(['write', 'fix'])
      .default('write')
      .describe('`write`: the learner builds something new; `fix`: the starter is a broken program whose behaviour the learner repairs.'),
    hints: z.array(name('One hint.')).default([]).describe('Progressive hints, gentlest first.'),
    requests: z
      .array(z.string())
      .optional()
      .describe(
        'For an exercise whose program listens: requests preset in its Request panel, one per line as `GET /users/1/posts` or `POST /users/1/posts {"title":"Tea"}`, so the learner can send what the instructions ask.',
      ),
  })
  .strict()
  .superRefine((exercise, context) => {
    exercise.requests?.forEach((line, index) => {
      const parsed = parseRequestLine(line);
      if (!parsed.ok) context.addIssue({ code: 'custom', path: ['requests', index], message: parsed.problem });
    });
    const seen = new Set<string>();
    exercise.checks.forEach((check, index) => {
      if (seen.has(check.id)) context.addIssue({ code: 'custom', path: ['checks', index, 'id'], message: `duplicate check id "${check.id}"` });
      seen.add(check.id);
    });
    // `during` reads the SQL of another check's request: that check must be a request probe.
    exercise.checks.forEach((check, index) => {
      if ((check.kind !== 'query-count' && check.kind !== 'no-n-plus-one' && check.kind !== 'join-used') || check.during === undefined) return;
      const probe = exercise.checks.find((other) => other.id === check.during);
      if (!probe || probe.kind !== 'probe' || !('request' in probe.probe.call)) {
        const requests = exercise.checks.filter((other) => other.kind === 'probe' && 'request' in other.probe.call).map((other) => other.id);
        context.addIssue({
          code: 'custom',
          path: ['checks', index, 'during'],
          message: `"${check.during}" is not a request probe of this exercise (its request probes: ${requests.length ? requests.join(', ') : 'none'})`,
        });
      }
    });
  });

export type ProbeValue = z.infer<typeof probeValueSchema>;
export type ProbeRow = z.infer<typeof probeRowSchema>;
export type ProbeCall = z.infer<typeof probeCallSchema>;
export type ProbeSpec = z.infer<typeof probeSpecSchema>;
export type CheckSpec = z.infer<typeof checkSpecSchema>;
export type CheckKind = CheckSpec['kind'];
export type Exercise = z.infer<typeof exerciseSchema>;
/** What an author writes (defaults may be left out). */
export type ExerciseInput = z.input<typeof exerciseSchema>;

/** Parses an exercise; a mistake throws a ContentValidationError naming `file` and the field. */
export function parseExercise(data: unknown, file: string): Exercise {
  return parseWithFriendlyErrors(exerciseSchema, data, file);
}

/**
 * What `exercise.ts` default-exports. The rest comes from the folder (see
 * src/checks/exercise-folder.ts): the id is the folder's name, and the instructions, hints,
 * starter and solution are files beside it.
 */
export type ExerciseDefinition = Omit<ExerciseInput, 'id' | 'instructions' | 'hints' | 'starter' | 'solution'>;

export function defineExercise(definition: ExerciseDefinition): ExerciseDefinition {
  return definition;
}

/** The language a program is written in (same values as the lesson schema). */
export type ProgramLanguageName = 'javascript' | 'typescript';

/** One probe to run after the program, as sent to the runtime. */
export interface ProbeRequest {
  /** The id of the check that owns the probe. */
  id: string;
  spec: ProbeSpec;
}

/** What a probe saw, as plain data. Verdicts are computed from this outside the runtime. */
export interface ProbeObservation {
  id: string;
  /**
   * returned: the call resolved (value holds it); threw: it threw or rejected (error holds
   * the message); timeout: it never settled; unavailable: the probe could not call it (no
   * such export or model, or seeding failed; error says why).
   */
  status: 'returned' | 'threw' | 'timeout' | 'unavailable';
  value?: JsonValue;
  /** Why it threw or was unavailable; for a request that returned, the error its route threw (Express answered it). */
  error?: string;
  /** A request probe's: the statements the request caused, in order (checks with `during` read them). */
  sql?: SqlStatement[];
}
