import { Sequelize, QueryTypes } from 'sequelize';

// What each JavaScript value becomes once bound: sqlite3 stores a Date as its milliseconds.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
await sequelize.query('CREATE TABLE vals (v)');
const values = [new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), true, false, null, 42, 1.5, 2 ** 40, 'text', Buffer.from([1, 2, 255]), { a: 1 }, [1, 2]];
for (const value of values) await sequelize.query('INSERT INTO vals (v) VALUES ($1)', { bind: [value] });
const rows = await sequelize.query('SELECT v, typeof(v) AS type FROM vals', { type: QueryTypes.SELECT });
for (const row of rows) console.log(row.type, row.v);
