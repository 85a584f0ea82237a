/** The editor layer: lazy Monaco, the code editor factory and the solution diff view. */
export { loadMonaco, type Monaco } from './monaco';
export { createCodeEditor, type CodeEditor, type CodeEditorConfig, type EditorLanguage } from './code-editor';
export { createDiffView, type DiffView, type DiffViewOptions } from './diff-view';
