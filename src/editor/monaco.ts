/**
 * Loads Monaco on demand. Nothing of the editor is in the page's first scripts: the first
 * call starts the download (editor, languages, Sequelize's typings) and later calls share it.
 */
export type Monaco = typeof import('monaco-editor/editor/editor.api');

let loading: Promise<Monaco> | undefined;

/** Resolves with the Monaco API, set up for JS/TS with Sequelize's types and the site theme. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    const [{ monaco, typescript }, { installSequelizeTypes }, { followSiteTheme }, { installCompletions }, { startLanguageServiceOnHover }] = await Promise.all(
      [import('./monaco-setup'), import('./sequelize-types'), import('./theme'), import('./completion'), import('./language-service')],
    );
    followSiteTheme(monaco);
    startLanguageServiceOnHover(monaco);
    // Before the first editor starts the TypeScript mode: it reads which providers to register then.
    installCompletions(monaco, typescript);
    // Typings load in the background: the editor is usable before they arrive.
    void installSequelizeTypes(typescript);
    return monaco;
  })();
  loading.catch(() => {
    loading = undefined; // a failed download may be retried
  });
  return loading;
}
