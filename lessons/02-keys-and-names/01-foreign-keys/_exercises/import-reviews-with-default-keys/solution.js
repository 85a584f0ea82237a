import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Book = sequelize.define('Book', {
  isbn: { type: DataTypes.STRING, primaryKey: true },
  title: DataTypes.STRING,
});
const Customer = sequelize.define('Customer', { name: DataTypes.STRING });
const Review = sequelize.define('Review', { stars: DataTypes.INTEGER });

// No foreignKey option: Sequelize names the keys itself.
Book.hasMany(Review);
Review.belongsTo(Book);
Customer.hasMany(Review);
Review.belongsTo(Customer);

/**
 * Saves a five-star review of `book` by `customer`, then reads it back
 * through its associations.
 */
export async function addReview(book, customer) {
  // The keys Sequelize derived: the target's name + its primary key's name.
  const review = await Review.create({ stars: 5, BookIsbn: book.isbn, CustomerId: customer.id });

  const reviewedBook = await review.getBook();
  const reviewer = await review.getCustomer();
  return `${reviewer ? reviewer.name : 'Nobody'} gave ${reviewedBook ? reviewedBook.title : 'no book'} ${review.stars} stars`;
}

async function main() {
  await sequelize.sync({ force: true });

  const dune = await Book.create({ isbn: '978-0441172719', title: 'Dune' });
  const circe = await Book.create({ isbn: '978-0316556347', title: 'Circe' });
  const ines = await Customer.create({ name: 'Ines' });
  const kofi = await Customer.create({ name: 'Kofi' });

  console.log(await addReview(dune, ines));
  console.log(await addReview(circe, kofi));
}

await main();
