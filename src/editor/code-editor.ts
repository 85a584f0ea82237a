/**
 * The code editor factory: a config object in, a small API out (after the TypeScript
 * sandbox's createTypeScriptSandbox). Monaco must already be loaded (see loadMonaco).
 */
import type { Monaco } from './monaco';
import { EDITOR_FONT, EDITOR_GUTTER } from './palette';
import { startLanguageService } from './language-service';

export type EditorLanguage = 'javascript' | 'typescript';

export interface CodeEditorConfig {
  /** The Monaco API, from loadMonaco(). */
  monaco: Monaco;
  /** The element the editor fills; give it a height. */
  container: HTMLElement;
  /** The program shown at first. */
  value: string;
  /** The program's language (JavaScript unless the lesson is in TypeScript). */
  language: EditorLanguage;
  /** The editor's accessible name ("Code editor"). */
  ariaLabel: string;
  /** A stable name for the model (the playground id); keeps models of several editors apart. */
  modelName: string;
  /** Called after every edit with the whole program. */
  onChange?: (value: string) => void;
  /** Called on Ctrl/Cmd+Enter inside the editor. */
  onRunShortcut?: () => void;
}

export interface CodeEditor {
  /** The program in the editor now. */
  getValue(): string;
  /** Replaces the whole program (undoable; fires onChange). */
  setValue(value: string): void;
  /** Scrolls a 1-based line into the middle of the view. */
  revealLine(line: number): void;
  /** Reveals a line, marks it with a highlight that stays until another line is chosen, and puts the cursor there. */
  highlightLine(line: number): void;
  /** Shows an error marker (squiggle, hover message, overview ruler) at a 1-based position. */
  setErrorMarker(line: number, column: number, message: string): void;
  /** Removes the error marker and the line highlight. */
  clearMarkers(): void;
  /** Moves keyboard focus into the editor. */
  focus(): void;
  /** Frees the editor and its model. */
  dispose(): void;
}

const MARKER_OWNER = 'assoclab-run';

export function createCodeEditor(config: CodeEditorConfig): CodeEditor {
  const { monaco } = config;
  const extension = config.language === 'typescript' ? 'ts' : 'js';
  const uri = monaco.Uri.parse(`file:///playground/${encodeURIComponent(config.modelName)}.${extension}`);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(config.value, config.language, uri);

  const editor = monaco.editor.create(config.container, {
    model,
    ariaLabel: config.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    // Font and gutter as the playground's static code draws them before the editor loads (palette.ts).
    fontSize: EDITOR_FONT.size,
    lineHeight: EDITOR_FONT.lineHeight,
    fontFamily: EDITOR_FONT.family,
    lineNumbersMinChars: EDITOR_GUTTER.lineNumbersMinChars,
    lineDecorationsWidth: EDITOR_GUTTER.lineDecorationsWidth,
    // No breakpoints and no folding in a short program: the gutter keeps its room for the code.
    glyphMargin: false,
    folding: false,
    scrollBeyondLastLine: false,
    tabSize: 2,
    padding: { top: 12, bottom: 12 },
    renderLineHighlight: 'line',
    fixedOverflowWidgets: true,
    // Tab moves focus out of the editor (keyboard users are not trapped); Ctrl+M toggles it.
    tabFocusMode: true,
    scrollbar: { alwaysConsumeMouseWheel: false },
    overviewRulerLanes: 1,
    // Wrap rather than scroll sideways: a playground beside prose or on a phone is narrow.
    wordWrap: 'on',
    wrappingIndent: 'indent',
    stickyScroll: { enabled: false },
  });

  const changeListener = model.onDidChangeContent(() => config.onChange?.(model.getValue()));
  // The learner is about to type: completion and the syntax check need the language service.
  const focusListener = editor.onDidFocusEditorText(startLanguageService);
  editor.addAction({
    id: 'assoclab.run',
    label: 'Run the program',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: () => config.onRunShortcut?.(),
  });

  const highlight = editor.createDecorationsCollection();

  const lineInRange = (line: number) => Math.min(Math.max(1, Math.floor(line)), model.getLineCount());

  const api: CodeEditor = {
    getValue: () => model.getValue(),
    setValue(value) {
      if (value === model.getValue()) return;
      // pushEditOperations keeps the change undoable (setValue would clear the undo stack).
      editor.pushUndoStop();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
      editor.pushUndoStop();
    },
    revealLine(line) {
      editor.revealLineInCenter(lineInRange(line));
    },
    highlightLine(line) {
      const target = lineInRange(line);
      highlight.set([
        {
          range: new monaco.Range(target, 1, target, 1),
          options: { isWholeLine: true, className: 'assoclab-line-highlight', linesDecorationsClassName: 'assoclab-line-highlight-gutter' },
        },
      ]);
      editor.revealLineInCenter(target);
      editor.setPosition({ lineNumber: target, column: model.getLineFirstNonWhitespaceColumn(target) || 1 });
    },
    setErrorMarker(line, column, message) {
      const target = lineInRange(line);
      const start = Math.max(1, column);
      const end = Math.max(start + 1, model.getLineMaxColumn(target));
      monaco.editor.setModelMarkers(model, MARKER_OWNER, [
        { severity: monaco.MarkerSeverity.Error, message, startLineNumber: target, startColumn: start, endLineNumber: target, endColumn: end },
      ]);
    },
    clearMarkers() {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      highlight.clear();
    },
    focus: () => editor.focus(),
    dispose() {
      changeListener.dispose();
      focusListener.dispose();
      highlight.clear();
      editor.dispose();
      model.dispose();
    },
  };
  return api;
}
