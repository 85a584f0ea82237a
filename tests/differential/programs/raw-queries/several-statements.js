import { Sequelize, QueryTypes } from 'sequelize';

// sqlite3 runs the first statement of a query; exec() would run them all.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
await sequelize.query('CREATE TABLE t (x INTEGER); CREATE TABLE u (y INTEGER)');
console.log(await sequelize.query("SELECT name FROM sqlite_master WHERE type = 'table'", { type: QueryTypes.SELECT }));
await sequelize.query('INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)');
console.log(await sequelize.query('SELECT x FROM t', { type: QueryTypes.SELECT }));
console.log(await sequelize.query('SELECT 1 AS a; SELECT 2 AS b', { type: QueryTypes.SELECT }));
