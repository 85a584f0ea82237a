/**
 * The entity-relationship diagram of a run's model graph, as data: one entity per model
 * (its table, columns, types, primary and foreign keys) and one relation per association
 * (its type, alias, keys, and for belongsToMany its join table). The playground's Diagram
 * tab lays it out and draws it; `assoclab diagram` prints it as Mermaid (mermaidErDiagram);
 * both list the associations in words (associationSentence).
 */
import type { AssociationInfo, AssociationType, ModelGraph } from '../schemas/run-result';

export interface DiagramColumn {
  /** The column's name in the table. */
  name: string;
  /** Sequelize's type (STRING, INTEGER, DATE...). */
  type: string;
  primaryKey: boolean;
  /** The model (or, when no model has it, the table) this column points at, for a foreign key. */
  references?: string;
}

export interface DiagramEntity {
  /** The model's name: the entity's id. */
  name: string;
  table: string;
  columns: DiagramColumn[];
  /** True for a model that only joins two others (a belongsToMany's `through`). */
  joinTable: boolean;
}

/** Association types as the code writes them. */
export type AssociationMethod = 'hasMany' | 'belongsTo' | 'hasOne' | 'belongsToMany';

export interface DiagramRelation {
  method: AssociationMethod;
  source: string;
  target: string;
  /** The alias (`as`). */
  as: string;
  aliased: boolean;
  foreignKey: string;
  /** belongsToMany: the join model and its key pointing at the target. */
  through?: string;
  otherKey?: string;
  onDelete?: string;
  /** The association in words: "User hasMany Post as Posts, foreign key userId". */
  sentence: string;
}

export interface Diagram {
  entities: DiagramEntity[];
  relations: DiagramRelation[];
}

const METHOD: Record<AssociationType, AssociationMethod> = {
  HasMany: 'hasMany',
  BelongsTo: 'belongsTo',
  HasOne: 'hasOne',
  BelongsToMany: 'belongsToMany',
};

/** "User hasMany Post as Posts, foreign key userId": one association in words. */
export function associationSentence(association: AssociationInfo): string {
  const method = METHOD[association.type];
  const parts = [`${association.source} ${method} ${association.target} as ${association.as}`];
  if (association.through) parts[0] += ` through ${association.through}`;
  parts.push(`foreign key ${association.foreignKey}`);
  if (association.otherKey) parts.push(`other key ${association.otherKey}`);
  // The delete rule says what deleting the source does to the target's rows: it belongs to the "has" side.
  if (association.onDelete && (method === 'hasMany' || method === 'hasOne')) parts.push(`on delete ${association.onDelete}`);
  return parts.join(', ');
}

/** The diagram of a model graph (a model defined twice, by two Sequelize instances, appears once). */
export function diagramOf(graph: ModelGraph): Diagram {
  const models = graph.models.filter((model, index) => graph.models.findIndex((other) => other.name === model.name) === index);
  const modelOfTable = new Map(models.map((model) => [model.tableName, model.name]));
  const throughs = new Set(models.flatMap((model) => model.associations.flatMap((association) => (association.through ? [association.through] : []))));
  const entities = models.map((model): DiagramEntity => ({
    name: model.name,
    table: model.tableName,
    joinTable: throughs.has(model.name) && model.associations.length === 0,
    columns: model.attributes.map((attribute) => ({
      name: attribute.field,
      type: attribute.type,
      primaryKey: attribute.primaryKey,
      ...(attribute.references ? { references: modelOfTable.get(attribute.references.model) ?? attribute.references.model } : {}),
    })),
  }));
  const relations = models.flatMap((model) =>
    model.associations.map((association): DiagramRelation => ({
      method: METHOD[association.type],
      source: association.source,
      target: association.target,
      as: association.as,
      aliased: association.aliased,
      foreignKey: association.foreignKey,
      ...(association.through ? { through: association.through } : {}),
      ...(association.otherKey ? { otherKey: association.otherKey } : {}),
      ...(association.onDelete ? { onDelete: association.onDelete } : {}),
      sentence: associationSentence(association),
    })),
  );
  return { entities, relations };
}

/** Mermaid's erDiagram cardinality for each association type, read from the source to the target. */
const CARDINALITY: Record<AssociationMethod, string> = {
  hasMany: '||--o{',
  belongsTo: '}o--||',
  hasOne: '||--o|',
  belongsToMany: '}o--o{',
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** An entity name as Mermaid reads it: bare when it can be, quoted otherwise. */
const entityName = (name: string) => (IDENTIFIER.test(name) ? name : `"${name.replace(/"/g, "'")}"`);
/** Attribute types and names accept letters, digits, `_` and `-` only. */
const word = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
const label = (text: string) => `"${text.replace(/"/g, "'")}"`;

/** The relation's label on the diagram: type, alias, keys. */
export function relationLabel(relation: DiagramRelation): string {
  const keys = relation.otherKey ? `${relation.foreignKey}, ${relation.otherKey}` : relation.foreignKey;
  return `${relation.method} as ${relation.as}${relation.through ? ` through ${relation.through}` : ''} (${keys})`;
}

/**
 * The diagram as Mermaid `erDiagram` source, for documentation: every model with its
 * columns (type, name, PK/FK, and what a foreign key references), then one line per
 * association, labelled with its type, alias and keys.
 */
export function mermaidErDiagram(graph: ModelGraph): string {
  const { entities, relations } = diagramOf(graph);
  const lines = ['erDiagram'];
  for (const entity of entities) {
    lines.push(`  ${entityName(entity.name)} {`);
    for (const column of entity.columns) {
      const keys = [column.primaryKey ? 'PK' : '', column.references ? 'FK' : ''].filter(Boolean).join(', ');
      const comment = column.references ? ` ${label(`references ${column.references}`)}` : '';
      lines.push(`    ${word(column.type)} ${word(column.name)}${keys ? ` ${keys}` : ''}${comment}`);
    }
    lines.push('  }');
  }
  for (const relation of relations) {
    lines.push(`  ${entityName(relation.source)} ${CARDINALITY[relation.method]} ${entityName(relation.target)} : ${label(relationLabel(relation))}`);
  }
  return `${lines.join('\n')}\n`;
}
