/**
 * Sequelize's own type definitions as text, keyed by their path under the package
 * (e.g. `types/model.d.ts`). Bundled as one lazily loaded chunk.
 */
const files = import.meta.glob<string>('/node_modules/sequelize/types/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const sequelizeDeclarations: ReadonlyArray<{ path: string; content: string }> = Object.entries(files).map(([path, content]) => ({
  path: path.replace(/^\/node_modules\/sequelize\//, ''),
  content,
}));
