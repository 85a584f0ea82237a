import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'referential-actions',
  difficulty: 2,
  kind: 'fix',
  title: 'Stop the category cascade',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'posts-set-null',
      kind: 'foreign-key',
      title: 'Deleting a category leaves its posts, without a category (the rule on Posts.categoryId)',
      table: 'Posts',
      column: 'categoryId',
      references: { table: 'Categories', column: 'id' },
      onDelete: 'SET NULL',
    },
    {
      id: 'comments-cascade',
      kind: 'foreign-key',
      title: 'Deleting a post still deletes its comments (the rule on Comments.postId)',
      table: 'Comments',
      column: 'postId',
      references: { table: 'Posts', column: 'id' },
      onDelete: 'CASCADE',
    },
    { id: 'category-gone', kind: 'row-count', title: 'The Recipes category is deleted: one category is left', table: 'Categories', min: 1, max: 1 },
    {
      id: 'recipes-kept',
      kind: 'rows-include',
      title: 'The recipe posts are still there, without a category',
      table: 'Posts',
      rows: [
        { title: 'Ten rules for sourdough', categoryId: null },
        { title: 'Winter soups', categoryId: null },
      ],
    },
    { id: 'spam-gone', kind: 'row-count', title: 'The spam post is deleted: three posts are left', table: 'Posts', min: 3, max: 3 },
    { id: 'comments-left', kind: 'row-count', title: 'Only the spam post’s comment is deleted: three comments are left', table: 'Comments', min: 3, max: 3 },
    {
      id: 'prints-posts',
      kind: 'console-lines',
      title: 'It prints the posts that are left, and the number of comments',
      lines: ['Ten rules for sourdough (no category)', 'Winter soups (no category)', 'A week of night trains (Travel)', 'Comments left: 3'],
    },
  ],
});
