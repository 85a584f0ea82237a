import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false, define: { timestamps: false, freezeTableName: true } });
console.log(sequelize.getDatabaseName(), sequelize.options.storage, sequelize.config.host);
const Person = sequelize.define('Person', { name: DataTypes.STRING });
await sequelize.sync();
console.log(Person.tableName, Object.keys(Person.rawAttributes));
await sequelize.transaction(async (transaction) => Person.create({ name: 'kept across transactions' }, { transaction }));
console.log(await Person.count());
