import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Author = sequelize.define('Author', { name: DataTypes.STRING }, { underscored: true, timestamps: false });
const Book = sequelize.define('Book', { title: DataTypes.STRING }, { underscored: true, timestamps: false });
Author.hasMany(Book, { foreignKey: { name: 'writtenBy', allowNull: false } });
Book.belongsTo(Author, { foreignKey: { name: 'writtenBy', allowNull: false } });

await sequelize.sync();
const table = await sequelize.getQueryInterface().describeTable('books');
console.log(table);
console.log(Book.rawAttributes.writtenBy.field, Book.rawAttributes.writtenBy.references);
const author = await Author.create({ name: 'Le Guin' });
const book = await author.createBook({ title: 'The Dispossessed' });
console.log(book.get({ plain: true }));
