/** Turns whatever ended a run into a RunError a learner can act on. */
import type { ErrorKind, RunError, SourceLocation } from '../../schemas/run-result';
import type { Printer } from './inspect';
import type { ProgramLocator } from './locate';
import { ERROR_SITE } from './sequelize-module';

/** Thrown by the program's `process.exit()`: it ends the run where it is called. */
export class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code}) was called: the program stopped there.`);
    this.name = 'ProcessExit';
  }
}

/** A module the program imports that the runtime does not offer. */
export class ModuleNotFound extends Error {
  constructor(
    readonly specifier: string,
    readonly location: SourceLocation | undefined,
    offered: readonly string[],
  ) {
    super(`Cannot find module '${specifier}'. This playground provides ${offered.map((name) => `'${name}'`).join(' and ')}.`);
    this.name = 'ModuleNotFoundError';
  }
}

interface SequelizeErrorLike {
  errors?: { message?: string }[];
  sql?: string;
  parent?: { message?: string; sql?: string };
  original?: { message?: string };
}

function detailsOf(error: Error): string[] {
  const details: string[] = [];
  const e = error as Error & SequelizeErrorLike;
  for (const item of e.errors ?? []) if (item?.message) details.push(item.message);
  const cause = e.parent?.message ?? e.original?.message;
  if (cause && cause !== error.message) details.push(`SQLite said: ${cause}`);
  const sql = e.sql ?? e.parent?.sql;
  if (sql) details.push(`SQL: ${sql}`);
  return details;
}

export function toRunError(thrown: unknown, locator: ProgramLocator | undefined, printer: Printer, kind: ErrorKind = 'runtime'): RunError {
  if (thrown instanceof ProcessExit) {
    return { kind: 'exit', name: thrown.name, message: thrown.message, location: locator?.fromStack(thrown.stack), details: [] };
  }
  if (thrown instanceof ModuleNotFound) {
    return { kind: 'import', name: thrown.name, message: thrown.message, location: thrown.location, details: [] };
  }
  if (thrown instanceof Error) {
    const site = (thrown as Error & { [ERROR_SITE]?: SourceLocation })[ERROR_SITE];
    const location = locator?.fromStack(thrown.stack) ?? site;
    const prefix = kind === 'unhandled-rejection' ? 'Unhandled promise rejection: ' : '';
    return { kind, name: thrown.name || 'Error', message: `${prefix}${thrown.message}`, location, details: detailsOf(thrown) };
  }
  // A thrown string or object has no stack, hence no line: say so, and how to get one.
  const shown = printer.inspect(thrown);
  return {
    kind: kind === 'unhandled-rejection' ? kind : 'thrown-value',
    name: 'Uncaught',
    message:
      kind === 'unhandled-rejection'
        ? `A promise was rejected with ${shown} and nothing caught it.`
        : `The program threw ${shown}, which is not an Error, so there is no line to show.`,
    details: [`Throw an Error to get its line: throw new Error(${typeof thrown === 'string' ? shown : "'...'"})`],
  };
}
