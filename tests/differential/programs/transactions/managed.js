import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Account = sequelize.define('Account', { owner: DataTypes.STRING, balance: DataTypes.INTEGER }, { timestamps: false });
await sequelize.sync();
const [a, b] = await Account.bulkCreate([
  { owner: 'a', balance: 100 },
  { owner: 'b', balance: 0 },
]);

await sequelize.transaction(async (transaction) => {
  await a.decrement('balance', { by: 30, transaction });
  await b.increment('balance', { by: 30, transaction });
});
try {
  await sequelize.transaction(async (transaction) => {
    await a.decrement('balance', { by: 500, transaction });
    const fresh = await Account.findByPk(a.id, { transaction });
    if (fresh.balance < 0) throw new Error(`overdrawn: ${fresh.balance}`);
  });
} catch (error) {
  console.log('rolled back:', error.message);
}
console.log(await Account.findAll({ raw: true, order: [['id', 'ASC']] }));
