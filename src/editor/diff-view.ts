/**
 * A read-only side-by-side diff (the learner's program against the solution), for
 * "Show solution". Inline on narrow containers.
 */
import { loadMonaco, type Monaco } from './monaco';
import type { EditorLanguage } from './code-editor';

export interface DiffViewOptions {
  /** The Monaco API when already loaded; loaded on demand otherwise. */
  monaco?: Monaco;
  /** The language of both sides. */
  language?: EditorLanguage;
  /** The accessible name of the diff ("Your program compared with the solution"). */
  ariaLabel?: string;
}

export interface DiffView {
  /** Frees the diff editor and both models. */
  dispose(): void;
}

/** Loads Monaco if needed, then shows `original` (left) against `modified` (right) in `container`. */
export async function createDiffView(container: HTMLElement, original: string, modified: string, options: DiffViewOptions = {}): Promise<DiffView> {
  const monaco = options.monaco ?? (await loadMonaco());
  const language = options.language ?? 'javascript';
  const left = monaco.editor.createModel(original, language);
  const right = monaco.editor.createModel(modified, language);
  // On a phone the diff is inline and narrow: long lines wrap rather than run out of view, and
  // the overview ruler leaves its room to the code.
  const narrow = container.clientWidth < 600;
  const diff = monaco.editor.createDiffEditor(container, {
    readOnly: true,
    originalEditable: false,
    automaticLayout: true,
    renderSideBySide: true,
    useInlineViewWhenSpaceIsLimited: true,
    // Wrapped on every width: side by side, each side is half as wide as the program's own
    // editor, and a long line's end (often the option that differs) would be out of view.
    wordWrap: 'on',
    wrappingIndent: 'indent',
    diffWordWrap: 'inherit',
    renderOverviewRuler: !narrow,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabFocusMode: true,
    ariaLabel: options.ariaLabel ?? 'Your program compared with the solution',
  });
  // Monaco's diff editor would pass originalAriaLabel/modifiedAriaLabel to its two editors
  // once, then resets their labels to '' whenever it updates their options (at start, and
  // when it switches between side-by-side and inline): name each side, and keep it named.
  const sides = [
    [diff.getOriginalEditor(), 'Your program (read-only copy)'],
    [diff.getModifiedEditor(), 'Reference solution (read-only)'],
  ] as const;
  const ariaLabelOption = monaco.editor.EditorOption.ariaLabel;
  for (const [editor, label] of sides) {
    editor.updateOptions({ ariaLabel: label });
    editor.onDidChangeConfiguration((event) => {
      if (event.hasChanged(ariaLabelOption) && editor.getOption(ariaLabelOption) !== label) editor.updateOptions({ ariaLabel: label });
    });
  }
  // A view model of our own, disposed first: that cancels a diff still being computed. (Disposing
  // only the editor and the models left the computation running; its answer about models that
  // were gone then failed as an uncaught "no diff result available", e.g. when "Use this
  // solution" closed the panel at once.)
  const viewModel = diff.createViewModel({ original: left, modified: right });
  diff.setModel(viewModel);
  return {
    dispose() {
      diff.setModel(null);
      viewModel.dispose();
      diff.dispose();
      left.dispose();
      right.dispose();
    },
  };
}
