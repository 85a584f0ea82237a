import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Item = sequelize.define('Item', { name: DataTypes.STRING }, { timestamps: false });
await sequelize.sync();

const t1 = await sequelize.transaction();
await Item.create({ name: 'kept' }, { transaction: t1 });
await t1.commit();
const t2 = await sequelize.transaction();
await Item.create({ name: 'dropped' }, { transaction: t2 });
await t2.rollback();
console.log(
  (await Item.findAll()).map((item) => item.name),
  t1.finished,
  t2.finished,
);
const t3 = await sequelize.transaction();
t3.afterCommit(() => console.log('after commit hook'));
await Item.create({ name: 'with hook' }, { transaction: t3 });
await t3.commit();
console.log(await Item.count());
