import { Sequelize, DataTypes, ForeignKeyConstraintError } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Customer = sequelize.define('Customer', { name: DataTypes.STRING });
const Order = sequelize.define('Order', { reference: DataTypes.STRING });
const OrderLine = sequelize.define('OrderLine', { item: DataTypes.STRING });
const Review = sequelize.define('Review', { text: DataTypes.STRING });

// A customer who still has orders cannot be deleted.
Customer.hasMany(Order, { foreignKey: 'customerId', onDelete: 'RESTRICT' });
Order.belongsTo(Customer, { foreignKey: 'customerId', onDelete: 'RESTRICT' });
// The lines of an order go with it.
Order.hasMany(OrderLine, { foreignKey: 'orderId', onDelete: 'CASCADE' });
OrderLine.belongsTo(Order, { foreignKey: 'orderId', onDelete: 'CASCADE' });
// Reviews stay, anonymous (SET NULL is the default here; saying it keeps it from changing).
Customer.hasMany(Review, { foreignKey: 'customerId', onDelete: 'SET NULL' });
Review.belongsTo(Customer, { foreignKey: 'customerId', onDelete: 'SET NULL' });

/**
 * Deletes the customer and returns true; returns false when the database refuses
 * because the customer still has orders. Any other error is not ours to hide.
 */
export async function closeAccount(customer) {
  try {
    await customer.destroy();
    return true;
  } catch (error) {
    if (error instanceof ForeignKeyConstraintError) return false;
    throw error;
  }
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
