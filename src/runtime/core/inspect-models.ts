/**
 * Reads the model graph a program defined: its models, their attributes, and every
 * association with the options Sequelize settled on (alias, keys, through model, the
 * ON DELETE / ON UPDATE actions it put on the foreign key).
 */
import type { Model, ModelStatic, Sequelize } from 'sequelize';
import type { AssociationInfo, AssociationType, AttributeInfo, ModelGraph, ModelInfo } from '../../schemas/run-result';

interface AttributeLike {
  type?: { key?: string; toString(): string };
  field?: string;
  primaryKey?: boolean;
  allowNull?: boolean;
  references?: { model?: string | { tableName?: string; name?: string }; key?: string };
  onDelete?: string;
  onUpdate?: string;
}

interface AssociationLike {
  associationType: string;
  source: ModelStatic<Model>;
  target: ModelStatic<Model>;
  as: string;
  isAliased?: boolean;
  foreignKey: string;
  sourceKey?: string;
  targetKey?: string;
  otherKey?: string;
  through?: { model?: ModelStatic<Model> };
  options: { onDelete?: string; onUpdate?: string };
  accessors?: Record<string, string>;
}

type AnyModel = ModelStatic<Model> & { rawAttributes: Record<string, AttributeLike>; associations: Record<string, AssociationLike> };

function typeName(attribute: AttributeLike): string {
  const type = attribute.type;
  if (!type) return 'UNKNOWN';
  return typeof type.key === 'string' ? type.key : String(type);
}

function referenceTarget(model: AttributeLike['references']): string {
  const target = model?.model;
  if (!target) return '';
  return typeof target === 'string' ? target : String(target.tableName ?? target.name ?? '');
}

function attributes(model: AnyModel): AttributeInfo[] {
  return Object.entries(model.rawAttributes).map(([name, attribute]) => ({
    name,
    field: attribute.field ?? name,
    type: typeName(attribute),
    primaryKey: Boolean(attribute.primaryKey),
    allowNull: attribute.allowNull !== false,
    ...(attribute.references ? { references: { model: referenceTarget(attribute.references), key: String(attribute.references.key ?? 'id') } } : {}),
  }));
}

/** The attribute that holds the foreign key, on whichever model carries it. */
function foreignKeyAttribute(association: AssociationLike): AttributeLike | undefined {
  const holder =
    association.associationType === 'BelongsTo'
      ? association.source
      : association.associationType === 'BelongsToMany'
        ? association.through?.model
        : association.target;
  return (holder as AnyModel | undefined)?.rawAttributes[association.foreignKey];
}

function association(assoc: AssociationLike): AssociationInfo {
  const fk = foreignKeyAttribute(assoc);
  // The foreign-key attribute holds the rule the table really gets: the first association
  // of a pair creates the column, and an option on the second one is ignored by Sequelize.
  const onDelete = fk?.onDelete ?? assoc.options.onDelete;
  const onUpdate = fk?.onUpdate ?? assoc.options.onUpdate;
  return {
    type: assoc.associationType as AssociationType,
    source: assoc.source.name,
    target: assoc.target.name,
    as: assoc.as,
    aliased: Boolean(assoc.isAliased),
    foreignKey: assoc.foreignKey,
    ...(assoc.sourceKey ? { sourceKey: assoc.sourceKey } : {}),
    ...(assoc.targetKey ? { targetKey: assoc.targetKey } : {}),
    ...(assoc.through?.model ? { through: assoc.through.model.name } : {}),
    ...(assoc.otherKey ? { otherKey: assoc.otherKey } : {}),
    ...(onDelete ? { onDelete: String(onDelete).toUpperCase() } : {}),
    ...(onUpdate ? { onUpdate: String(onUpdate).toUpperCase() } : {}),
    // What this association asked for when the column kept another rule: the learner changed one side only.
    ...(assoc.options.onDelete && onDelete && String(assoc.options.onDelete).toUpperCase() !== String(onDelete).toUpperCase()
      ? { ignoredOnDelete: String(assoc.options.onDelete).toUpperCase() }
      : {}),
    accessors: Object.values(assoc.accessors ?? {}),
  };
}

function modelInfo(model: AnyModel): ModelInfo {
  return {
    name: model.name,
    tableName: String(model.getTableName()),
    attributes: attributes(model),
    associations: Object.values(model.associations).map(association),
  };
}

export function inspectModels(instances: readonly Sequelize[]): ModelGraph {
  const models: ModelInfo[] = [];
  for (const instance of instances) {
    for (const model of Object.values(instance.models)) models.push(modelInfo(model as AnyModel));
  }
  return { models };
}
