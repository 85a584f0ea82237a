/**
 * TypeScript programs are run with their types stripped. Sucrase keeps every line where
 * it was, so error lines stay right; it is loaded only when a TypeScript program runs.
 */
import { ProgramSyntaxError } from './transform';

export async function stripTypes(source: string): Promise<string> {
  const { transform } = await import('sucrase');
  try {
    return transform(source, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: false }).code;
  } catch (error) {
    const e = error as Error & { loc?: { line: number; column: number } };
    const where = /\((\d+):(\d+)\)/.exec(e.message);
    const line = e.loc?.line ?? Number(where?.[1] ?? 1);
    const column = (e.loc?.column ?? Number(where?.[2] ?? 0)) + 1;
    throw new ProgramSyntaxError(e.message.replace(/\s*\(\d+:\d+\)$/, ''), { line, column });
  }
}
