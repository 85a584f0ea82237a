/**
 * Compiles a program without the Function constructor, which the sandbox's engine refuses
 * (--disallow-code-generation-from-strings: without it, a program could reach a real
 * `import()` of any built-in module through eval). A vm.Script is not code generation from
 * a string in V8's sense. The wrapper is the text V8's AsyncFunction constructor makes, so
 * lines are numbered the same (../../runtime/core/locate.ts measures it anyway), and it
 * has no `importModuleDynamically`: an `import()` the transform did not rewrite fails.
 */
import { Script } from 'node:vm';
import type { CompileProgram } from '../../runtime/core/locate';
import { PROGRAM_FILE } from '../../runtime/core/transform';

export const compileInScript: CompileProgram = (parameter, body) =>
  new Script(`(async function anonymous(${parameter}\n) {\n${body}\n})`, { filename: PROGRAM_FILE }).runInThisContext() as ReturnType<CompileProgram>;
