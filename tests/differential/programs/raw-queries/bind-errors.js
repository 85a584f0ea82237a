import { Sequelize } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
for (const [sql, bind] of [
  ['SELECT $1 AS a', [1, 2]],
  ['SELECT $a AS a', { a: 1, b: 2 }],
  ['SELECT $1 AS a, $2 AS b', [1]],
]) {
  try {
    console.log(await sequelize.query(sql, { bind, plain: true }));
  } catch (error) {
    console.log(error.name, '|', error.message);
    console.log(error.parent);
  }
}
try {
  await sequelize.query('SELECT * FROM nowhere');
} catch (error) {
  console.log(error.name, error.parent.errno, error.parent.code, error.sql);
}
await sequelize.query('SELEC 1');
