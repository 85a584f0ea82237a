import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Item = sequelize.define('Item', { name: DataTypes.STRING }, { timestamps: false });
await sequelize.sync();
const transaction = await sequelize.transaction();
await Item.create({ name: 'x' }, { transaction });
await sequelize.query('ROLLBACK');
try {
  await transaction.commit();
} catch (error) {
  console.log('commit failed:', error.message);
}
