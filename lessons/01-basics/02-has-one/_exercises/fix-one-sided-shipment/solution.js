import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Order = sequelize.define('Order', { number: DataTypes.INTEGER });
const Shipment = sequelize.define('Shipment', {
  carrier: DataTypes.STRING,
  trackingCode: DataTypes.STRING,
});

// Every order is shipped at most once: the key is Shipments.orderId.
Order.hasOne(Shipment, { foreignKey: 'orderId' });
Shipment.belongsTo(Order, { foreignKey: 'orderId' });

/** The tracking page: the number of the order a shipment carries. */
export async function orderNumberOf(shipment) {
  const order = await shipment.getOrder();
  return order.number;
}

async function main() {
  await sequelize.sync({ force: true });

  const first = await Order.create({ number: 1001 });
  const second = await Order.create({ number: 1002 });
  await Order.create({ number: 1003 }); // not shipped yet
  await first.createShipment({ carrier: 'DHL', trackingCode: 'JD014600006281' });
  await second.createShipment({ carrier: 'PostNL', trackingCode: '3SABCD1234567' });

  // The warehouse screen: every shipment with the order it carries.
  const shipments = await Shipment.findAll({ include: Order, order: [['id', 'ASC']] });
  for (const shipment of shipments) {
    console.log(`${shipment.carrier} ${shipment.trackingCode}: order #${shipment.Order.number}`);
  }
}

await main();
