import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Customer = sequelize.define('Customer', { name: DataTypes.STRING });
const Cart = sequelize.define('Cart', { itemCount: DataTypes.INTEGER });
const Order = sequelize.define('Order', { number: DataTypes.INTEGER });
const Product = sequelize.define('Product', { name: DataTypes.STRING });

// One-to-one: a customer has one cart, a cart belongs to one customer.
// The key is Carts.customerId.
Customer.hasOne(Cart, { foreignKey: 'customerId' });
Cart.belongsTo(Customer, { foreignKey: 'customerId' });

// One-to-many: a customer has many orders, an order belongs to one
// customer. The key is Orders.customerId.
Customer.hasMany(Order, { foreignKey: 'customerId' });
Order.belongsTo(Customer, { foreignKey: 'customerId' });

// Many-to-many: an order holds many products, a product is in many
// orders. The pairs are rows of the join table OrderItems.
Order.belongsToMany(Product, { through: 'OrderItems' });
Product.belongsToMany(Order, { through: 'OrderItems' });

// Prints the model graph: every association Sequelize knows.
function printModelGraph() {
  let count = 0;
  for (const model of [Customer, Cart, Order, Product]) {
    for (const association of Object.values(model.associations)) {
      const { source, target, associationType } = association;
      const method = associationType.charAt(0).toLowerCase() + associationType.slice(1);
      console.log(`${source.name}.${method}(${target.name})`);
      count += 1;
    }
  }
  if (count === 0) console.log('(no associations yet)');
}

async function main() {
  printModelGraph();
  await sequelize.sync({ force: true });
}

await main();
