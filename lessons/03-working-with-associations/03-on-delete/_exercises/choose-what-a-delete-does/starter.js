import { Sequelize, DataTypes, ForeignKeyConstraintError } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Customer = sequelize.define('Customer', { name: DataTypes.STRING });
const Order = sequelize.define('Order', { reference: DataTypes.STRING });
const OrderLine = sequelize.define('OrderLine', { item: DataTypes.STRING });
const Review = sequelize.define('Review', { text: DataTypes.STRING });

// TODO: decide what a delete does to each kind of row:
//  - the lines of an order are deleted with the order;
//  - a customer who still has orders cannot be deleted (the accountants keep every order);
//  - the reviews of a deleted customer stay, without a customer.
Customer.hasMany(Order, { foreignKey: 'customerId' });
Order.belongsTo(Customer, { foreignKey: 'customerId' });
Order.hasMany(OrderLine, { foreignKey: 'orderId' });
OrderLine.belongsTo(Order, { foreignKey: 'orderId' });
Customer.hasMany(Review, { foreignKey: 'customerId' });
Review.belongsTo(Customer, { foreignKey: 'customerId' });

/**
 * Deletes the customer and returns true; returns false when the database refuses
 * because the customer still has orders. Any other error is not ours to hide.
 */
export async function closeAccount(customer) {
  throw new Error('closeAccount(customer) is not written yet');
}

async function main() {
  await sequelize.sync({ force: true });
  const ana = await Customer.create({ name: 'Ana Lima' });
  const bo = await Customer.create({ name: 'Bo Chen' });
  const chen = await Customer.create({ name: 'Chen Wei' });
  const anasOrder = await ana.createOrder({ reference: 'A-1001' });
  await anasOrder.createOrderLine({ item: 'Teapot' });
  await anasOrder.createOrderLine({ item: 'Green tea' });
  const chensOrder = await chen.createOrder({ reference: 'A-1002' });
  await chensOrder.createOrderLine({ item: 'Tea towel' });
  await ana.createReview({ text: 'The teapot pours well.' });
  await bo.createReview({ text: 'Fast delivery.' });

  // Chen cancels his order, then everyone asks to close their account.
  await chensOrder.destroy();
  for (const customer of [ana, bo, chen]) {
    console.log(`Close ${customer.name}'s account: ${await closeAccount(customer)}`);
  }
  console.log(`Customers: ${await Customer.count()}, order lines: ${await OrderLine.count()}`);
  console.log(
    `Reviews: ${await Review.count()}, of which anonymous: ${await Review.count({ where: { customerId: null } })}`,
  );
}

await main();
