import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'foreign-keys',
  difficulty: 2,
  title: 'Link posts to categories by slug',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'category-has-many-posts',
      kind: 'association',
      title: 'Category has many Post, each categorySlug holding a category’s slug',
      type: 'hasMany',
      source: 'Category',
      target: 'Post',
      foreignKey: 'categorySlug',
      key: 'slug',
    },
    {
      id: 'post-belongs-to-category',
      kind: 'association',
      title: 'Post belongs to Category, its categorySlug holding the category’s slug',
      type: 'belongsTo',
      source: 'Post',
      target: 'Category',
      foreignKey: 'categorySlug',
      key: 'slug',
    },
    {
      id: 'slug-reference',
      kind: 'foreign-key',
      title: 'Posts.categorySlug points at Categories.slug',
      table: 'Posts',
      column: 'categorySlug',
      references: { table: 'Categories', column: 'slug' },
    },
    {
      id: 'category-pages',
      kind: 'console-lines',
      title: 'Every category is printed with its imported posts',
      lines: ['Travel: Night trains across Europe, Lisbon in a day', 'Food and drink: Pastéis de nata at home, A week of winter soup'],
    },
    {
      id: 'get-category-works',
      kind: 'probe',
      title: 'post.getCategory() finds the category whose slug the post holds',
      probe: {
        seed: [
          { as: 'category', model: 'Category', values: { slug: { random: 'word' }, name: { random: 'title' } } },
          { as: 'post', model: 'Post', values: { title: { random: 'title' }, categorySlug: { ref: 'category', attribute: 'slug' } } },
        ],
        call: { method: 'getCategory', on: 'post' },
      },
      project: ['slug', 'name'],
    },
    {
      id: 'get-posts-works',
      kind: 'probe',
      title: 'category.getPosts() finds exactly the posts that hold its slug',
      probe: {
        seed: [
          { as: 'category', model: 'Category', values: { slug: { random: 'word' }, name: { random: 'title' } } },
          { as: 'first', model: 'Post', values: { title: { random: 'title' }, categorySlug: { ref: 'category', attribute: 'slug' } } },
          { as: 'second', model: 'Post', values: { title: { random: 'title' }, categorySlug: { ref: 'category', attribute: 'slug' } } },
        ],
        call: { method: 'getPosts', on: 'category' },
      },
      project: ['title'],
    },
  ],
});
