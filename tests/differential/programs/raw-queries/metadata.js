import { Sequelize, QueryTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
console.log(await sequelize.query('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)'));
console.log(await sequelize.query("INSERT INTO items (name) VALUES ('a'), ('b')"));
console.log(await sequelize.query("UPDATE items SET name = 'c'"));
console.log(await sequelize.query("INSERT INTO items (name) VALUES ('d')", { type: QueryTypes.INSERT }));
console.log(await sequelize.query("UPDATE items SET name = 'e' WHERE id > 1", { type: QueryTypes.UPDATE }));
console.log(await sequelize.query('DELETE FROM items WHERE id = 1', { type: QueryTypes.BULKDELETE }));
console.log(await sequelize.query('SELECT * FROM items', { type: QueryTypes.SELECT }));
