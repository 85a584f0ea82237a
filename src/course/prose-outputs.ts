/**
 * Output and SQL shown in a lesson's prose come from real runs. A `text` or `sql` code
 * fence in a lesson names the program it was taken from, a file beside the lesson:
 *
 *     ```text output="_include-program.js"      the program's console output, exactly
 *     ```sql from="_include-program.js"         statements the program sent, each one exactly
 *
 * The prose test (prose-outputs.test.ts) runs each named program and compares; a fence
 * of either language that names no program fails it, so nothing is typed by hand.
 */

export interface ProseFence {
  language: 'text' | 'sql';
  /** The program file, relative to the lesson's folder; undefined when the fence names none. */
  program?: string;
  body: string;
  /** 1-based line of the opening fence in the MDX file. */
  line: number;
}

const FENCE = /^```(text|sql)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;

export function proseFences(mdx: string): ProseFence[] {
  const fences: ProseFence[] = [];
  for (const match of mdx.matchAll(FENCE)) {
    const [, language, meta = '', body = ''] = match;
    const program = /\b(?:output|from)="([^"]+)"/.exec(meta)?.[1];
    fences.push({
      language: language as ProseFence['language'],
      ...(program ? { program } : {}),
      body: body.replace(/\n$/, ''),
      line: mdx.slice(0, match.index).split('\n').length,
    });
  }
  return fences;
}

/** SQL as a comparable string: whitespace collapsed, none just inside parentheses or before commas. */
export function normaliseSql(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+,/g, ',')
    .replace(/\s*;\s*$/, '')
    .trim();
}

/** The statements of a `sql` fence, split at semicolons that end a line. */
export function fenceStatements(body: string): string[] {
  return body
    .split(/;[ \t]*(?:\n|$)/)
    .map(normaliseSql)
    .filter((statement) => statement !== '');
}
