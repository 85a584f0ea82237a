import { Sequelize, DataTypes, QueryTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Country = sequelize.define('Country', { name: DataTypes.STRING }, { timestamps: false });
const Capital = sequelize.define('Capital', { name: DataTypes.STRING }, { timestamps: false });
Country.hasOne(Capital, { foreignKey: { name: 'countryId', allowNull: false }, onDelete: 'CASCADE' });
Capital.belongsTo(Country, { foreignKey: 'countryId' });

await sequelize.sync();
console.log(await sequelize.query("SELECT sql FROM sqlite_master WHERE name = 'Capitals'", { type: QueryTypes.SELECT }));
const france = await Country.create({ name: 'France' });
await Capital.create({ name: 'Paris', countryId: france.id });
try {
  await Capital.create({ name: 'Nowhere' });
} catch (error) {
  console.log(
    error.name,
    error.errors.map((item) => `${item.path}: ${item.message} (${item.type})`),
  );
}
await france.destroy();
console.log('capitals left:', await Capital.count());
