import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Counter = sequelize.define(
  'Counter',
  { name: { type: DataTypes.STRING, unique: true }, hits: { type: DataTypes.INTEGER, defaultValue: 0 } },
  { timestamps: false },
);
await sequelize.sync();
const created = await Counter.bulkCreate([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
console.log(created.map((counter) => counter.id));
const [upserted, fresh] = await Counter.upsert({ name: 'a', hits: 5 });
console.log(upserted.get({ plain: true }), fresh);
await Counter.increment('hits', { by: 2, where: { name: ['a', 'b'] } });
const [affected] = await Counter.update({ hits: 0 }, { where: { name: 'c' } });
console.log('updated rows:', affected, 'destroyed rows:', await Counter.destroy({ where: { name: 'b' } }));
console.log(await Counter.findAll({ raw: true, order: [['id', 'ASC']] }));
const [row, made] = await Counter.findOrCreate({ where: { name: 'd' } });
console.log(row.id, made);
