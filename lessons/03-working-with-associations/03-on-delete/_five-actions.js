import { Sequelize, DataTypes } from 'sequelize';

// The same shop five times, each with another ON DELETE action, and the same question:
// Ana closes her account; what happens to her orders?
async function deleteAnaWith(action) {
  const sequelize = new Sequelize('sqlite::memory:', { logging: false });
  const Customer = sequelize.define('Customer', { name: DataTypes.STRING });
  const Order = sequelize.define('Order', {
    item: DataTypes.STRING,
    // Only SET DEFAULT uses it: orders fall back to customer 1, "Walk-in".
    customerId: { type: DataTypes.INTEGER, defaultValue: 1 },
  });
  Customer.hasMany(Order, { foreignKey: 'customerId', onDelete: action });
  Order.belongsTo(Customer, { foreignKey: 'customerId', onDelete: action });
  await sequelize.sync({ force: true });

  await Customer.create({ name: 'Walk-in' });
  const ana = await Customer.create({ name: 'Ana Lima' });
  await Order.create({ item: 'Teapot', customerId: ana.id });
  await Order.create({ item: 'Green tea', customerId: ana.id });

  let outcome = 'deleted';
  try {
    await ana.destroy();
  } catch (error) {
    outcome = `refused (${error.name})`;
  }
  const orders = await Order.findAll({ order: [['id', 'ASC']] });
  const left = orders.map((order) => `${order.item} -> ${order.customerId}`).join(', ');
  console.log(`${action.padEnd(11)} Ana ${outcome}; orders: ${left || 'none'}`);
}

for (const action of ['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION', 'SET DEFAULT']) {
  await deleteAnaWith(action);
}
