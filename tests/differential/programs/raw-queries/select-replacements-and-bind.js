import { Sequelize, DataTypes, QueryTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING, age: DataTypes.INTEGER }, { timestamps: false });
await sequelize.sync();
await User.bulkCreate([
  { name: 'Ada', age: 36 },
  { name: 'Alan', age: 41 },
  { name: 'Grace', age: 85 },
]);

console.log(await sequelize.query('SELECT name FROM Users WHERE age > ? ORDER BY name', { replacements: [40], type: QueryTypes.SELECT }));
console.log(await sequelize.query('SELECT name FROM Users WHERE name LIKE :prefix', { replacements: { prefix: 'A%' }, type: QueryTypes.SELECT }));
console.log(await sequelize.query('SELECT name, age FROM Users WHERE age BETWEEN $1 AND $2', { bind: [30, 50], type: QueryTypes.SELECT }));
console.log(await sequelize.query('SELECT name FROM Users WHERE name = $name', { bind: { name: 'Grace' }, type: QueryTypes.SELECT }));
console.log(await sequelize.query('SELECT count(*) AS n, avg(age) AS average, max(name) AS last FROM Users', { plain: true }));
const [rows, metadata] = await sequelize.query('SELECT id, name FROM Users LIMIT 1');
console.log(rows, metadata);
console.log(
  await sequelize
    .query('SELECT * FROM Users WHERE id = 1', { model: User, mapToModel: true, raw: false })
    .then((users) => users.map((u) => u.get({ plain: true }))),
);
