/**
 * The lean Monaco build the playground uses: the editor API, the JavaScript/TypeScript
 * languages (tokens + language service), SQL tokens for colouring statements, and only
 * the editor features a learner needs. Imported once, lazily, by loadMonaco().
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

// Languages: tokenizers, plus the TypeScript language service for JS and TS.
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/sql/register';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import { languageServiceWorker } from './language-service';

// Editor features (the subset of editor.main's list a learner uses).
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/browser/widget/diffEditor/diffEditor.contribution';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/common/standaloneStrings';

// The TypeScript mode, loaded as the first editor starts, brings in every editor
// contribution, and some need services that must be registered before Monaco starts its
// services with that first editor; registered later, every further editor (a second
// playground, an exercise, the solution diff) threw "depends on UNKNOWN service".
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache';
import 'monaco-editor/editor/common/services/treeViewsDndService';
import 'monaco-editor/editor/contrib/documentSymbols/browser/outlineModel';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/symbolNavigation';
import 'monaco-editor/editor/contrib/peekView/browser/peekView';
import 'monaco-editor/editor/contrib/editorState/browser/keybindingCancellation';

// Monaco asks for its workers by label; Vite bundles each as its own module worker. The
// TypeScript service's starts when the learner reaches into the code (language-service.ts).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker | Promise<Worker> {
    if (label === 'typescript' || label === 'javascript') return languageServiceWorker(() => new TsWorker());
    return new EditorWorker();
  },
};

export { monaco, typescript };
