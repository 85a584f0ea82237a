/**
 * The mistakes everyone makes with Sequelize, recognised in a run's result and explained:
 * what happened, why, and where the course explains it. Pure functions over plain data (the
 * run result and the program's text), used by the playground's Console panel and by
 * `assoclab run`, so both say the same thing.
 *
 * Each rule looks at the evidence a real run leaves (the error's class and message, its
 * line, the model graph, what was printed); none guesses from the source alone.
 */
import type { AssociationInfo, RunResult } from '../schemas/run-result';

export type MistakeId =
  | 'missing-await'
  | 'printed-promise'
  | 'unawaited-async-function'
  | 'wrong-accessor-name'
  | 'no-such-accessor'
  | 'wrong-property-name'
  | 'not-included'
  | 'one-side-only'
  | 'include-not-associated'
  | 'include-alias'
  | 'foreign-key-mismatch'
  | 'used-before-sync'
  | 'unique-violation'
  | 'foreign-key-violation'
  | 'syntax-error';

export interface Explanation {
  id: MistakeId;
  /** A short name for the mistake, shown as the explanation's heading. */
  title: string;
  /** What happened, in terms of this run's data. */
  what: string;
  /** Why it happens, in general. */
  why: string;
  /** The program line it is about, when known. */
  line?: number;
  learnMore: { label: string; href: string };
}

const LESSON = '/lessons/basics/has-many-belongs-to/';
/** Where the course explains each idea; a test checks that each anchor exists. */
export const READ_MORE = {
  await: { label: 'Users and their posts (why the program awaits)', href: `${LESSON}#users-and-their-posts` },
  accessors: { label: 'The accessor: getPosts()', href: `${LESSON}#the-accessor-getposts` },
  bothSides: { label: 'Why define both sides?', href: `${LESSON}#why-define-both-sides` },
  sameKey: { label: 'The same foreign key on both sides', href: `${LESSON}#the-same-foreign-key-on-both-sides` },
  include: { label: 'Loading related rows together: include', href: `${LESSON}#loading-related-rows-together-include` },
  oneToMany: { label: 'One-to-many, from both sides', href: `${LESSON}#one-to-many-from-both-sides` },
  otherKeys: {
    label: 'Keys that are not the primary key',
    href: '/lessons/keys-and-names/foreign-keys/#keys-that-are-not-the-primary-key-sourcekey-and-targetkey',
  },
  joinAttributes: { label: 'Attributes on the join table', href: '/lessons/basics/belongs-to-many/#attributes-on-the-join-table' },
  nestedInclude: { label: 'Nested includes', href: '/lessons/working-with-associations/eager-loading/#nested-includes' },
  aliases: { label: 'What as changes', href: '/lessons/keys-and-names/aliases/#what-as-changes' },
  constraints: { label: 'Sequelize: validations and constraints', href: 'https://sequelize.org/docs/v6/core-concepts/validations-and-constraints/' },
  syntax: { label: 'MDN: JavaScript syntax errors', href: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Errors' },
} as const;

interface Evidence {
  result: RunResult;
  lines: string[];
  associations: AssociationInfo[];
}

type Rule = (evidence: Evidence) => Explanation | undefined;

const PROMISE_METHODS =
  /^(?:get|set|add|remove|has|count|create|find|findAll|findOne|findByPk|findOrCreate|bulkCreate|update|destroy|save|reload|sync|query|increment|decrement)\w*$/;

const lineOf = (evidence: Evidence): number | undefined => evidence.result.error?.location?.line;
const textOfLine = (evidence: Evidence, line: number | undefined): string => (line ? (evidence.lines[line - 1] ?? '') : '');
const withLine = (line: number | undefined) => (line ? { line } : {});
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const relation = (a: AssociationInfo) => `${a.source}.${lowerFirst(a.type)}(${a.target})`;

/** `posts.forEach is not a function` where `posts` holds a promise: the call that made it was not awaited. */
const missingAwait: Rule = (evidence) => {
  const error = evidence.result.error;
  const match = error?.name === 'TypeError' ? /^([A-Za-z_$][\w$]*)\.([\w$]+) is not a function$/.exec(error.message) : null;
  if (!match) return undefined;
  const [, variable = '', method = ''] = match;
  // `=(?!\s*await\b)`: the lookahead skips the spaces itself, so `= await x()` never matches by backtracking.
  const assignment = new RegExp(`\\b(?:const|let|var)?\\s*${escape(variable)}\\s*=(?!\\s*await\\b)\\s*[^;\\n]*?\\.(\\w+)\\s*\\(`);
  const assignedAt = evidence.lines.findIndex((text) => assignment.test(text));
  const call = assignedAt >= 0 ? assignment.exec(evidence.lines[assignedAt] ?? '')?.[1] : undefined;
  if (!call || !PROMISE_METHODS.test(call)) return undefined;
  return {
    id: 'missing-await',
    title: 'A promise used as a value (a missing await)',
    what: `${variable} holds a Promise, not the result of ${call}(): line ${assignedAt + 1} calls ${call}() without await, so ${variable}.${method} does not exist.`,
    why: `Every Sequelize method that talks to the database returns a promise at once and its result later. await waits for the result; without it, the program goes on with the promise itself.`,
    ...withLine(lineOf(evidence)),
    learnMore: READ_MORE.await,
  };
};

/** `Promise { <pending> }` in the output. */
const printedPromise: Rule = (evidence) => {
  if (!evidence.result.console.some((entry) => /^Promise \{/.test(entry.text))) return undefined;
  return {
    id: 'printed-promise',
    title: 'A promise printed instead of its result (a missing await)',
    what: 'The program printed "Promise { <pending> }": a promise whose result had not arrived yet.',
    why: 'Sequelize methods that read or write the database return promises. Print the result with await in front of the call: console.log(await ...).',
    learnMore: READ_MORE.await,
  };
};

/** The program's error arrived as an unhandled rejection: an async function was called without await. */
const unawaitedAsync: Rule = (evidence) => {
  const error = evidence.result.error;
  if (error?.kind !== 'unhandled-rejection') return undefined;
  return {
    id: 'unawaited-async-function',
    title: 'An async function nobody awaited',
    what: `The error happened inside an async function that was called without await, so nothing was waiting for it when it failed: it surfaced as an "unhandled promise rejection".`,
    why: 'Calling an async function starts it and returns a promise. Await it (await main();) so its errors stop the program at the call, in order.',
    ...withLine(lineOf(evidence)),
    learnMore: READ_MORE.await,
  };
};

function closeName(wanted: string, names: readonly string[]): string | undefined {
  const plain = (name: string) => name.toLowerCase().replace(/s$/, '');
  return names.find((name) => name !== wanted && plain(name) === plain(wanted));
}

/** `user.getPost is not a function` where an association offers getPosts; or `post.getUser` with only the other side defined. */
const wrongAccessor: Rule = (evidence) => {
  const error = evidence.result.error;
  const match =
    error?.name === 'TypeError' ? /^(?:[\w$.]+\.)?((?:get|set|add|remove|has|count|create)([A-Z]\w*)) is not a function$/.exec(error.message) : null;
  if (!match) return undefined;
  const [, method = '', named = ''] = match;
  const accessors = evidence.associations.flatMap((a) => a.accessors.map((accessor) => ({ accessor, association: a })));
  const near = closeName(
    method,
    accessors.map((entry) => entry.accessor),
  );
  if (near) {
    const owner = accessors.find((entry) => entry.accessor === near)?.association;
    return {
      id: 'wrong-accessor-name',
      title: 'An accessor with the wrong name',
      what: `There is no ${method}(), but there is ${near}()${owner ? `, added by ${relation(owner)}` : ''}.`,
      why: 'Accessor names are built from the association: the target model’s name (or its alias), in the plural for hasMany and belongsToMany, with the same capitals.',
      ...withLine(lineOf(evidence)),
      learnMore: READ_MORE.accessors,
    };
  }
  const target = named.replace(/s$/, '');
  const otherSide = evidence.associations.find((a) => a.source === target || a.source === named);
  if (otherSide && !evidence.associations.some((a) => a.target === otherSide.source && a.source === otherSide.target)) {
    return {
      id: 'one-side-only',
      title: 'An association defined on one side only',
      what: `${method}() does not exist: ${relation(otherSide)} is defined, but ${otherSide.target} has no association back to ${otherSide.source}.`,
      why: 'Each association call teaches Sequelize one direction and adds accessors only to its source model. The way back needs its own call on the other model.',
      ...withLine(lineOf(evidence)),
      learnMore: READ_MORE.bothSides,
    };
  }
  // An accessor that exists, called on something that is not an instance (a promise, a list): not a naming mistake.
  if (accessors.some((entry) => entry.accessor === method)) return undefined;
  const known = [...new Set(accessors.filter((entry) => entry.accessor.startsWith('get')).map((entry) => `${entry.accessor}()`))];
  return {
    id: 'no-such-accessor',
    title: 'An accessor that no association adds',
    what: `${method}() does not exist: no association in the program adds it${
      known.length ? `. The associations add ${known.join(', ')} (and their set, add, count… companions)` : ': the program declares no association yet'
    }.`,
    why: 'Accessors such as getPosts() are not built into models: each association adds them to its source model, named after the target model or the association’s alias.',
    ...withLine(lineOf(evidence)),
    learnMore: READ_MORE.accessors,
  };
};

/**
 * `user.posts.map` → Cannot read properties of undefined, where the association is named
 * Posts; `course.Enrollments.grade`, where the join row is under the through model's name
 * (Enrollment); `post.writer.name`, where no association is named writer at all.
 */
const wrongProperty: Rule = (evidence) => {
  const error = evidence.result.error;
  const reading = error?.name === 'TypeError' ? /^Cannot read properties of undefined \(reading '([^']+)'\)/.exec(error.message) : null;
  if (!reading) return undefined;
  const text = textOfLine(evidence, lineOf(evidence));
  const aliases = [...new Set(evidence.associations.map((a) => a.as))];
  const joins = evidence.associations.filter((a) => a.type === 'BelongsToMany' && a.through);
  const throughs = [...new Set(joins.map((a) => a.through!))];
  const known = (name: string) => aliases.includes(name) || throughs.includes(name);
  for (const [, property = ''] of text.matchAll(/\.([A-Za-z_$][\w$]*)\s*(?:\.|\[|\?\.|\))/g)) {
    if (known(property)) continue;
    const nearThrough = closeName(property, throughs);
    if (nearThrough) {
      const join = joins.find((a) => a.through === nearThrough);
      return {
        id: 'wrong-property-name',
        title: 'A join row read under the wrong name',
        what: `.${property} is undefined: the join row that comes with each ${join?.target ?? 'row'} is under .${nearThrough}, the name of the through model (one row, so no plural).`,
        why: 'A belongsToMany getter or include attaches to each row the matching join row, under the through model’s name exactly as it was defined.',
        ...withLine(lineOf(evidence)),
        learnMore: READ_MORE.joinAttributes,
      };
    }
    const near = closeName(property, aliases);
    if (!near) continue;
    const association = evidence.associations.find((a) => a.as === near);
    return {
      id: 'wrong-property-name',
      title: 'An included association read under the wrong name',
      what: `.${property} is undefined: the rows loaded by include are under .${near}${association ? `, the name of ${relation(association)}` : ''}.`,
      why: 'Eager-loaded rows are attached under the association’s name exactly: the target model’s name (plural for hasMany) or its alias. Any other spelling is simply undefined.',
      ...withLine(lineOf(evidence)),
      learnMore: READ_MORE.include,
    };
  }
  // `post.writer.name`: the property read just before the failing read is undefined. When it
  // is neither an association's name nor an attribute, it may be an association renamed since.
  const before = new RegExp(`\\.([A-Za-z_$][\\w$]*)\\s*\\??\\.\\s*${escape(reading[1] ?? '')}\\b`).exec(text)?.[1];
  // `comment.Replies.map`: the name is right, but the query that loaded the row did not
  // include that association (often a nested include forgotten), so the property is absent.
  const named = before ? evidence.associations.filter((a) => a.as === before) : [];
  if (before && named.length > 0) {
    return {
      id: 'not-included',
      title: 'An association read that was never loaded',
      what: `.${before} is undefined: ${named.map(relation).join(' and ')} ${named.length > 1 ? 'are each' : 'is'} named ${before}, but the query that loaded this row did not include it, so the row has no ${before} property.`,
      why: 'A row carries its associated rows as a property only when the query that loaded it included that association. Rows that come inside an include get theirs only from an include nested inside it; otherwise the accessor method fetches them.',
      ...withLine(lineOf(evidence)),
      learnMore: READ_MORE.nestedInclude,
    };
  }
  const attributes = new Set(evidence.result.models.models.flatMap((model) => model.attributes.map((attribute) => attribute.name)));
  if (!before || known(before) || attributes.has(before) || aliases.length === 0) return undefined;
  const aliased = evidence.associations.filter((a) => a.aliased);
  const names = (aliased.length ? aliased : evidence.associations).map((a) => `${a.as} (${relation(a)})`);
  return {
    id: 'wrong-property-name',
    title: 'A property no association is named after',
    what: `.${before} is undefined. If it should hold rows loaded by include, no association has that name: the associations here are named ${[...new Set(names)].join(', ')}.`,
    why: 'Eager-loaded rows are attached under the association’s name exactly (its alias, when it has one). When an alias changes, every include and every property read must change with it.',
    ...withLine(lineOf(evidence)),
    learnMore: READ_MORE.aliases,
  };
};

/** SequelizeEagerLoadingError: not associated (at all, or only the other way), or an alias that does not match. */
const eagerLoading: Rule = (evidence) => {
  const error = evidence.result.error;
  if (error?.name !== 'SequelizeEagerLoadingError') return undefined;
  const notAssociated = /^(\w+) is not associated to (\w+)!$/.exec(error.message);
  if (notAssociated) {
    const [, included = '', loaded = ''] = notAssociated;
    const reverse = evidence.associations.find((a) => a.source === included && a.target === loaded);
    if (reverse) {
      return {
        id: 'one-side-only',
        title: 'An association defined on one side only',
        what: `${loaded} cannot include ${included}: ${relation(reverse)} is defined, but ${loaded} has no association to ${included}.`,
        why: 'include follows an association from the model being queried. Each direction is its own association, defined on its own source model.',
        ...withLine(lineOf(evidence)),
        learnMore: READ_MORE.bothSides,
      };
    }
    return {
      id: 'include-not-associated',
      title: 'include of a model that is not associated',
      what: `${loaded} has no association to ${included}, so Sequelize cannot tell how to join them.`,
      why: 'include joins through an association’s foreign key. Without one between the two models, there is no column to join on.',
      ...withLine(lineOf(evidence)),
      learnMore: READ_MORE.include,
    };
  }
  if (/alias/.test(error.message)) {
    return {
      id: 'include-alias',
      title: 'include with the wrong alias',
      what: error.message,
      why: 'An association defined with as: is known only by that name: include must name the same alias, spelled the same way.',
      ...withLine(lineOf(evidence)),
      learnMore: READ_MORE.include,
    };
  }
  return undefined;
};

/** The two sides of one relation name different foreign keys: two columns, or a "duplicate column" error. */
const foreignKeyMismatch: Rule = (evidence) => {
  for (const owner of evidence.associations.filter((a) => a.type === 'HasMany' || a.type === 'HasOne')) {
    const backs = evidence.associations.filter((a) => a.type === 'BelongsTo' && a.source === owner.target && a.target === owner.source);
    // Two relations between the same models (a post's author and its editor) pair up by key:
    // only a side whose key no association back uses is a mismatch.
    const back = backs.length > 0 && !backs.some((a) => a.foreignKey === owner.foreignKey) ? backs[0] : undefined;
    if (back && backs.length === 1) {
      const duplicate = /duplicate column name/.test(evidence.result.error?.message ?? '');
      return {
        id: 'foreign-key-mismatch',
        title: 'The two sides name different foreign keys',
        what: `${relation(owner)} uses the column ${owner.foreignKey}, ${relation(back)} uses ${back.foreignKey}: ${
          duplicate ? 'SQLite refused the table, because column names ignore case there' : `${owner.target} gets two columns, one for each side`
        }.`,
        why: 'Two associations describe one relationship only when they name the same foreign key. Otherwise rows linked from one side are invisible from the other.',
        ...withLine(duplicate ? lineOf(evidence) : undefined),
        learnMore: READ_MORE.sameKey,
      };
    }
  }
  return undefined;
};

const usedBeforeSync: Rule = (evidence) => {
  const match = /no such table: (\S+)/.exec(evidence.result.error?.message ?? '');
  if (!match) return undefined;
  const syncs = evidence.lines.some((text) => /\.sync\s*\(/.test(text));
  return {
    id: 'used-before-sync',
    title: 'A model used before its table exists',
    what: `The table ${match[1]} did not exist when this query ran: ${syncs ? 'sync() had not created it yet (is sync() awaited, and called after every model is defined?)' : 'the program never calls sync()'}.`,
    why: 'Defining a model creates no table. sequelize.sync() creates the tables (and their foreign keys) for the models and associations known at that moment.',
    ...withLine(lineOf(evidence)),
    learnMore: READ_MORE.oneToMany,
  };
};

const uniqueViolation: Rule = (evidence) => {
  const error = evidence.result.error;
  if (error?.name !== 'SequelizeUniqueConstraintError') return undefined;
  const column = error.details.map((detail) => /UNIQUE constraint failed: (\S+)/.exec(detail)?.[1]).find(Boolean);
  return {
    id: 'unique-violation',
    title: 'A duplicate value in a unique column',
    what: `The row was refused: ${column ? `${column} already holds the same value in another row` : 'a unique column already holds the same value'}.`,
    why: 'A unique constraint lets the database refuse a second row with the same value. Sequelize reports it as a SequelizeUniqueConstraintError (its message says "Validation error").',
    ...withLine(lineOf(evidence)),
    learnMore: READ_MORE.constraints,
  };
};

const foreignKeyViolation: Rule = (evidence) => {
  const error = evidence.result.error;
  if (error?.name !== 'SequelizeForeignKeyConstraintError') return undefined;
  const deleting = error.details.some((detail) => /^SQL: DELETE/i.test(detail));
  return {
    id: 'foreign-key-violation',
    title: deleting ? 'A delete refused by a foreign key' : 'A foreign key pointing at no row',
    what: deleting
      ? 'The row could not be deleted: other rows still point at it, and their foreign key does not allow it (ON DELETE RESTRICT or NO ACTION).'
      : 'The row was refused: its foreign key holds a value that no row of the referenced table has in the column the key points at.',
    why: 'A foreign key is a promise that the id it holds exists in the other table. SQLite checks it on every insert, update and delete.',
    ...withLine(lineOf(evidence)),
    // With a key other than the primary key in play, the likely cause is which column a key copies.
    learnMore: evidence.associations.some((a) => ((a.type === 'BelongsTo' ? a.targetKey : a.sourceKey) ?? 'id') !== 'id')
      ? READ_MORE.otherKeys
      : READ_MORE.oneToMany,
  };
};

const syntaxError: Rule = (evidence) => {
  const error = evidence.result.error;
  if (error?.kind !== 'syntax') return undefined;
  const line = lineOf(evidence);
  return {
    id: 'syntax-error',
    title: 'JavaScript could not read the program',
    what: `Nothing ran: ${line ? `at line ${line}` : 'somewhere'} the text is not valid JavaScript (${error.message}).`,
    why: 'An unexpected token usually means something is missing just before it: a closing ), } or ], a comma between arguments, or a quote. Look at the end of the line before, too.',
    ...withLine(line),
    learnMore: READ_MORE.syntax,
  };
};

const RULES: Rule[] = [
  syntaxError,
  missingAwait,
  printedPromise,
  wrongAccessor,
  wrongProperty,
  eagerLoading,
  foreignKeyMismatch,
  usedBeforeSync,
  uniqueViolation,
  foreignKeyViolation,
  unawaitedAsync,
];

/** Every mistake this run shows, most specific first; empty when none is recognised. */
export function explainRun(result: RunResult, source: string): Explanation[] {
  const evidence: Evidence = {
    result,
    lines: source.split('\n'),
    associations: result.models.models.flatMap((model) => model.associations),
  };
  const found: Explanation[] = [];
  for (const rule of RULES) {
    try {
      const explanation = rule(evidence);
      if (explanation && !found.some((other) => other.id === explanation.id)) found.push(explanation);
    } catch {
      // An explanation is help, never a reason to lose the result.
    }
  }
  return found;
}
