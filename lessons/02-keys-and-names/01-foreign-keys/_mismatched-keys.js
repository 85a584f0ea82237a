import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Customer = sequelize.define('Customer', { name: DataTypes.STRING });
const Order = sequelize.define('Order', { item: DataTypes.STRING });

// One side names the key, the other lets Sequelize name it:
// two different columns.
Customer.hasMany(Order, { foreignKey: 'buyerId' });
Order.belongsTo(Customer);

async function main() {
  await sequelize.sync({ force: true });

  const dana = await Customer.create({ name: 'Dana' });
  const order = await dana.createOrder({ item: 'Tea kettle' });
  await order.reload(); // read the row back as the table holds it

  console.log(`buyerId: ${order.buyerId}, CustomerId: ${order.CustomerId}`);
  console.log(`Dana's orders: ${(await dana.getOrders()).length}`);
  console.log(`The kettle's customer: ${await order.getCustomer()}`);
}

await main();
