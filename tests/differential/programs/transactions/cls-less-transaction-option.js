import { Sequelize, DataTypes } from 'sequelize';

// Without CLS a query that does not pass { transaction } is not part of the transaction for Sequelize,
// but an in-memory SQLite database has one connection: it runs inside it and is rolled back with it.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Log = sequelize.define('Log', { line: DataTypes.STRING }, { timestamps: false });
await sequelize.sync();
try {
  await sequelize.transaction(async (transaction) => {
    await Log.create({ line: 'inside' }, { transaction });
    await Log.create({ line: 'forgot the transaction' });
    throw new Error('undo');
  });
} catch (error) {
  console.log(error.message);
}
console.log((await Log.findAll()).map((log) => log.line));
