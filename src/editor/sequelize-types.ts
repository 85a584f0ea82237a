/**
 * Teaches Monaco's TypeScript service about Sequelize, so `import { Sequelize } from
 * 'sequelize'` resolves in the editor and `sequelize.define(`, `User.hasMany(`,
 * `DataTypes.` complete with the library's own documentation.
 */
type TypeScriptContribution = typeof import('monaco-editor/languages/features/typescript/register');

const ROOT = 'file:///node_modules/sequelize';

/** Packages Sequelize's typings import; declared loosely so they resolve. */
const PEER_STUBS = `
declare module 'debug' { const debug: (...args: unknown[]) => unknown; export = debug; }
declare module 'retry-as-promised' { export interface Options { max?: number; match?: unknown[]; timeout?: number } }
declare module 'validator' { const validator: Record<string, (...args: unknown[]) => unknown>; export default validator; }
declare module 'validator/lib/isFloat' { const isFloat: (str: string, options?: object) => boolean; export default isFloat; }
declare module 'validator/lib/isInt' { const isInt: (str: string, options?: object) => boolean; export default isInt; }
`;

let installed: Promise<void> | undefined;

/** Sets the compiler options for JS and TS and adds the typings; runs once per page. */
export function installSequelizeTypes(ts: TypeScriptContribution): Promise<void> {
  installed ??= (async () => {
    const shared = {
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.NodeJs,
      allowJs: true,
      allowNonTsExtensions: true,
      esModuleInterop: true,
      allowSyntheticDefaultImports: true,
      // Top-level await is allowed in lesson programs.
      lib: ['esnext', 'dom'],
    };
    ts.javascriptDefaults.setCompilerOptions({ ...shared, checkJs: false });
    ts.typescriptDefaults.setCompilerOptions({ ...shared, strict: true });
    // Syntax errors are shown as you type; semantic ones only in TypeScript.
    ts.javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
    // Model sync so an import in one file is seen by the service without opening others.
    ts.javascriptDefaults.setEagerModelSync(true);
    ts.typescriptDefaults.setEagerModelSync(true);

    const { sequelizeDeclarations } = await import('./sequelize-dts');
    const libs = [
      { filePath: `${ROOT}/package.json`, content: JSON.stringify({ name: 'sequelize', version: '6.37.0', types: './types/index.d.ts' }) },
      // Also an index.d.ts at the package root, for resolvers that skip package.json.
      { filePath: `${ROOT}/index.d.ts`, content: "export * from './types/index';\n" },
      { filePath: 'file:///node_modules/@types/assoclab-peers/index.d.ts', content: PEER_STUBS },
      ...sequelizeDeclarations.map(({ path, content }) => ({ filePath: `${ROOT}/${path}`, content })),
    ];
    ts.javascriptDefaults.setExtraLibs(libs);
    ts.typescriptDefaults.setExtraLibs(libs);
  })();
  return installed;
}
