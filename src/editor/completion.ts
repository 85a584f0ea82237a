/**
 * Completion for JavaScript and TypeScript, from Monaco's TypeScript service, with the
 * accessors that associations add first: after `alice.` the list opens on `getPosts`,
 * `createPost`, … each saying which association added it ("User.hasMany(Post)"), instead of
 * `_model`, `addHook`, `changed`. Replaces Monaco's own completion provider for both languages
 * (turned off with setModeConfiguration before the first editor starts), and behaves like it
 * otherwise: same entries, same kinds, details and documentation resolved when shown.
 *
 * An accessor is known by its type, never by its name alone: a member typed with one of
 * Sequelize's association mixins (`HasManyGetAssociationsMixin<Post>` on class `User`).
 */
import type { Monaco } from './monaco';

type TypeScriptContribution = typeof import('monaco-editor/languages/features/typescript/register');
type LanguagesApi = Monaco['languages'];
type Model = import('monaco-editor/editor/editor.api').editor.ITextModel;
type Position = import('monaco-editor/editor/editor.api').Position;
type CompletionItem = import('monaco-editor/editor/editor.api').languages.CompletionItem;

/** The parts of TypeScript's CompletionEntry and CompletionEntryDetails used here. */
interface CompletionEntry {
  name: string;
  kind: string;
  kindModifiers?: string;
  sortText: string;
  replacementSpan?: { start: number; length: number };
}
interface SymbolDisplayPart {
  text: string;
}
interface CompletionEntryDetails {
  kind: string;
  displayParts?: SymbolDisplayPart[];
  documentation?: SymbolDisplayPart[];
  tags?: { name: string; text?: SymbolDisplayPart[] }[];
}

/** What a completion item carries to be resolved later. */
interface TsCompletionItem extends CompletionItem {
  entryName: string;
  fileName: string;
  offset: number;
  languageId: 'javascript' | 'typescript';
}

/** An association accessor: which association added it, for the completion list. */
export interface AccessorInfo {
  /** `User.hasMany(Post)` */
  association: string;
}

const ASSOCIATIONS = { HasMany: 'hasMany', HasOne: 'hasOne', BelongsTo: 'belongsTo', BelongsToMany: 'belongsToMany' } as const;

/**
 * Reads TypeScript's display of a member ("(property) User.getPosts: HasManyGetAssociationsMixin<Post>")
 * and says which association added it, or undefined when it is not an association mixin.
 */
export function accessorFromDisplay(display: string): AccessorInfo | undefined {
  const match = /^\((?:property|method)\) ([\w$]+)\.[\w$]+\??: (HasMany|HasOne|BelongsToMany|BelongsTo)[A-Za-z]*Mixin<\s*([\w$]+)/.exec(display);
  if (!match) return undefined;
  const [, source, mixin, target] = match;
  const kind = ASSOCIATIONS[mixin as keyof typeof ASSOCIATIONS];
  return { association: `${source}.${kind}(${target})` };
}

/** Names an association accessor can have (Sequelize's prefixes): only these are looked at closely. */
const ACCESSOR_NAME = /^(get|set|add|remove|create|count|has)[A-Z]/;

function displayText(parts: SymbolDisplayPart[] | undefined): string {
  return (parts ?? []).map((part) => part.text).join('');
}

function convertKind(languages: LanguagesApi, kind: string): number {
  const kinds = languages.CompletionItemKind;
  switch (kind) {
    case 'primitive type':
    case 'keyword':
      return kinds.Keyword;
    case 'var':
    case 'local var':
    case 'let':
    case 'const':
      return kinds.Variable;
    case 'property':
    case 'getter':
    case 'setter':
      return kinds.Field;
    case 'function':
    case 'local function':
    case 'method':
    case 'construct':
    case 'call':
    case 'index':
      return kinds.Function;
    case 'enum':
      return kinds.Enum;
    case 'module':
      return kinds.Module;
    case 'class':
      return kinds.Class;
    case 'interface':
      return kinds.Interface;
    case 'warning':
      return kinds.File;
    default:
      return kinds.Property;
  }
}

function documentation(details: CompletionEntryDetails): string {
  let text = displayText(details.documentation);
  for (const tag of details.tags ?? []) {
    const body = displayText(tag.text);
    text += `\n\n*@${tag.name}*${body ? ` — ${body}` : ''}`;
  }
  return text;
}

let installed = false;

/** Turns off Monaco's TypeScript completion and registers this one, for JavaScript and TypeScript. Once per page. */
export function installCompletions(monaco: Monaco, ts: TypeScriptContribution): void {
  if (installed) return;
  installed = true;
  const { languages } = monaco;
  for (const [languageId, defaults, getWorker] of [
    ['javascript', ts.javascriptDefaults, ts.getJavaScriptWorker],
    ['typescript', ts.typescriptDefaults, ts.getTypeScriptWorker],
  ] as const) {
    defaults.setModeConfiguration({ ...defaults.modeConfiguration, completionItems: false });
    const worker = async (model: Model) => (await getWorker())(model.uri);

    languages.registerCompletionItemProvider(languageId, {
      triggerCharacters: ['.'],
      async provideCompletionItems(model: Model, position: Position) {
        const word = model.getWordUntilPosition(position);
        const wordRange = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
        const fileName = model.uri.toString();
        const offset = model.getOffsetAt(position);
        const service = await worker(model);
        if (model.isDisposed()) return undefined;
        const info = (await service.getCompletionsAtPosition(fileName, offset)) as { entries: CompletionEntry[] } | undefined;
        if (!info || model.isDisposed()) return undefined;

        // Which entries are association accessors: ask for the type of those with an accessor's name.
        const accessors = new Map<string, AccessorInfo>();
        await Promise.all(
          info.entries
            .filter((entry) => ACCESSOR_NAME.test(entry.name) && (entry.kind === 'property' || entry.kind === 'method'))
            .map(async (entry) => {
              const details = (await service.getCompletionEntryDetails(fileName, offset, entry.name)) as CompletionEntryDetails | undefined;
              const accessor = accessorFromDisplay(displayText(details?.displayParts));
              if (accessor) accessors.set(entry.name, accessor);
            }),
        );

        const suggestions = info.entries.map((entry): TsCompletionItem => {
          let range = wordRange;
          if (entry.replacementSpan) {
            const start = model.getPositionAt(entry.replacementSpan.start);
            const end = model.getPositionAt(entry.replacementSpan.start + entry.replacementSpan.length);
            range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
          }
          const accessor = accessors.get(entry.name);
          return {
            label: accessor ? { label: entry.name, description: accessor.association } : entry.name,
            insertText: entry.name,
            // Accessors first, grouped by association; everything else in TypeScript's order after them.
            sortText: accessor ? `0${accessor.association}\u0000${entry.name}` : `1${entry.sortText}`,
            kind: convertKind(languages, entry.kind),
            tags: entry.kindModifiers?.includes('deprecated') ? [languages.CompletionItemTag.Deprecated] : [],
            range,
            entryName: entry.name,
            fileName,
            offset,
            languageId,
          };
        });
        return { suggestions };
      },
      async resolveCompletionItem(item: CompletionItem) {
        const { entryName, fileName, offset } = item as TsCompletionItem;
        const model = monaco.editor.getModel(monaco.Uri.parse(fileName));
        if (!model || model.isDisposed()) return item;
        const service = await worker(model);
        const details = (await service.getCompletionEntryDetails(fileName, offset, entryName)) as CompletionEntryDetails | undefined;
        if (!details) return item;
        return { ...item, detail: displayText(details.displayParts), documentation: { value: documentation(details) } };
      },
    });
  }
}
