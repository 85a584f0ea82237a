/**
 * The one place where content is parsed: Zod issues become a message that names the file
 * and the field, so the build, the grader and the tests all speak the same words.
 */
import type { z } from 'zod';

/** Thrown when a file's data does not match its schema. `message` is ready for a human. */
export class ContentValidationError extends Error {
  override readonly name = 'ContentValidationError';
  constructor(
    /** The file that holds the bad data (as given by the caller). */
    readonly file: string,
    /** One line per problem: `field: what is wrong`. */
    readonly problems: string[],
  ) {
    super(`Invalid data in ${file}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function fieldName(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(the whole file)';
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key), '');
}

/** One human sentence for one Zod issue, naming the field. */
export function formatIssue(issue: z.ZodIssue, data: unknown): string {
  const field = fieldName(issue.path);
  const received = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) return `${field}: is required but missing (expected ${issue.expected})`;
      return `${field}: expected ${issue.expected}, got ${describeValue(received)}`;
    case 'invalid_enum_value':
      return `${field}: must be one of ${issue.options.map((option) => JSON.stringify(option)).join(', ')}, got ${describeValue(received)}`;
    case 'unrecognized_keys':
      return `${field === '(the whole file)' ? '' : `${field}: `}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((key) => JSON.stringify(key))
        .join(', ')} (check the spelling)`;
    case 'invalid_union':
      return `${field}: does not match any of the allowed shapes`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/**
 * Parses `data` with `schema`; on failure throws a ContentValidationError whose message names
 * `file` and every bad field.
 */
export function parseWithFriendlyErrors<Schema extends z.ZodTypeAny>(schema: Schema, data: unknown, file: string): z.output<Schema> {
  const result = schema.safeParse(data);
  if (result.success) return result.data as z.output<Schema>;
  throw new ContentValidationError(
    file,
    result.error.issues.map((issue) => formatIssue(issue, data)),
  );
}
