import { Sequelize, DataTypes } from 'sequelize';

// Two transactions at once on the one in-memory connection: the second BEGIN fails, its
// ROLLBACK undoes the first's INSERT, and the first's COMMIT then fails.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
await sequelize.sync();
const results = await Promise.allSettled([
  sequelize.transaction(async (transaction) => {
    await User.create({ name: 'a' }, { transaction });
  }),
  sequelize.transaction(async (transaction) => {
    await User.create({ name: 'b' }, { transaction });
  }),
]);
console.log(results.map((result) => `${result.status}: ${result.reason?.message}`));
