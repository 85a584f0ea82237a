/**
 * The course's topics: what the course must teach, in the order a learner meets them.
 * Lessons name the topics they cover in their frontmatter, exercises name their one topic,
 * and a test fails when a topic has no lesson or no exercise (src/course/topics.test.ts).
 */
import { z } from 'zod';

export const TOPICS = [
  { id: 'why-associations', title: 'Why associations: one-to-one, one-to-many, many-to-many; source and target' },
  { id: 'has-many-belongs-to', title: 'hasMany and belongsTo' },
  { id: 'has-one', title: 'hasOne and belongsTo' },
  { id: 'belongs-to-many', title: 'belongsToMany with a join table' },
  { id: 'foreign-keys', title: 'Foreign keys: default names, custom keys, required associations, sourceKey and targetKey' },
  { id: 'aliases', title: 'Aliases with as, and two associations between the same models' },
  { id: 'accessor-methods', title: 'Every method an association adds, and the SQL each sends' },
  { id: 'eager-loading', title: 'Lazy and eager loading with include, and the N+1 problem' },
  { id: 'referential-actions', title: 'onDelete and onUpdate: what happens to the rows' },
  { id: 'generated-sql', title: 'Reading what Sequelize generates: schema and SQL' },
  { id: 'associations-in-an-api', title: 'Associations behind an HTTP API: routes, nested JSON, nested creates, 404 and 400' },
] as const;

export type TopicId = (typeof TOPICS)[number]['id'];

export const topicIdSchema = z
  .enum(TOPICS.map((topic) => topic.id) as [TopicId, ...TopicId[]])
  .describe(`A course topic: one of ${TOPICS.map((topic) => topic.id).join(', ')} (src/schemas/topics.ts).`);

export const difficultySchema = z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('How hard the exercise is: 1 (a first step) to 3 (a challenge).');

export function topicTitle(id: TopicId): string {
  return TOPICS.find((topic) => topic.id === id)?.title ?? id;
}
