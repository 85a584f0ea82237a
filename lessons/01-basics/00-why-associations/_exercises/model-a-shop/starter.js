import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Customer = sequelize.define('Customer', { name: DataTypes.STRING });
const Cart = sequelize.define('Cart', { itemCount: DataTypes.INTEGER });
const Order = sequelize.define('Order', { number: DataTypes.INTEGER });
const Product = sequelize.define('Product', { name: DataTypes.STRING });

// TODO: declare the three relationships of the shop, each from both sides:
//   - customers and carts, linked by the foreign key `customerId`;
//   - customers and orders, linked by the foreign key `customerId`;
//   - orders and products, through a join table named `OrderItems`.

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
