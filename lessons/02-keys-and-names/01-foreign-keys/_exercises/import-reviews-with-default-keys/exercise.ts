import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'foreign-keys',
  difficulty: 2,
  title: 'Import reviews with the keys Sequelize chose',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'book-key-unchanged',
      kind: 'association',
      title: 'Review belongs to Book, with the key name Sequelize chose',
      type: 'belongsTo',
      source: 'Review',
      target: 'Book',
      foreignKey: 'BookIsbn',
    },
    {
      id: 'customer-key-unchanged',
      kind: 'association',
      title: 'Review belongs to Customer, with the key name Sequelize chose',
      type: 'belongsTo',
      source: 'Review',
      target: 'Customer',
      foreignKey: 'CustomerId',
    },
    {
      id: 'imported-reviews',
      kind: 'console-lines',
      title: 'Each imported review names its reviewer and its book',
      lines: ['Ines gave Dune 5 stars', 'Kofi gave Circe 5 stars'],
    },
    {
      id: 'add-review-links-both',
      kind: 'probe',
      title: 'addReview(book, customer) links the new review to that book and that customer',
      probe: {
        seed: [
          { as: 'book', model: 'Book', values: { isbn: { random: 'word' }, title: { random: 'title' } } },
          { as: 'reader', model: 'Customer', values: { name: { random: 'name' } } },
        ],
        call: { export: 'addReview', args: ['book', 'reader'] },
      },
    },
  ],
});
