import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Person = sequelize.define('Person', { name: DataTypes.STRING }, { timestamps: false });
const Child = sequelize.define('Child', { name: DataTypes.STRING }, { timestamps: false });
Person.hasMany(Child, { as: { singular: 'kid', plural: 'kids' } });

await sequelize.sync();
const parent = await Person.create({ name: 'P' });
await parent.createKid({ name: 'K1' });
await parent.addKid(await Child.create({ name: 'K2' }));
console.log(
  (await parent.getKids({ order: [['name', 'ASC']] })).map((k) => k.name),
  await parent.countKids(),
);
console.log(Person.tableName, Child.tableName, Object.keys(Person.associations));
console.log(
  Object.getOwnPropertyNames(Person.prototype)
    .filter((name) => /Kid/.test(name))
    .sort(),
);
