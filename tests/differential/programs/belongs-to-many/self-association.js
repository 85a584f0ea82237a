import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Person = sequelize.define('Person', { name: DataTypes.STRING }, { timestamps: false });
Person.belongsToMany(Person, { as: 'Friends', through: 'Friendships' });
const Category = sequelize.define('Category', { name: DataTypes.STRING }, { timestamps: false });
Category.hasMany(Category, { as: 'children', foreignKey: 'parentId' });
Category.belongsTo(Category, { as: 'parent', foreignKey: 'parentId' });

await sequelize.sync();
const [a, b, c] = await Person.bulkCreate([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
await a.addFriends([b, c]);
console.log((await a.getFriends({ order: [['name', 'ASC']] })).map((p) => p.name));
console.log(Object.keys(Person.associations), Object.keys(sequelize.models.Friendships.rawAttributes));
const root = await Category.create({ name: 'root' });
await root.createChild({ name: 'leaf 1' });
await root.createChild({ name: 'leaf 2' });
const tree = await Category.findOne({
  where: { name: 'root' },
  include: { model: Category, as: 'children' },
  order: [[{ model: Category, as: 'children' }, 'name', 'DESC']],
});
console.log(JSON.stringify(tree));
const leaf = await Category.findOne({ where: { name: 'leaf 1' }, include: 'parent' });
console.log(leaf.parent.name);
