import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Group = sequelize.define('Group', { name: DataTypes.STRING }, { timestamps: false });
User.belongsToMany(Group, { through: 'Memberships' });
Group.belongsToMany(User, { through: 'Memberships' });

await sequelize.sync();
const [ada, bob] = await User.bulkCreate([{ name: 'Ada' }, { name: 'Bob' }]);
const [admins, readers] = await Group.bulkCreate([{ name: 'admins' }, { name: 'readers' }]);
await ada.addGroups([admins, readers]);
await bob.addGroup(readers);
console.log(
  'ada in:',
  (await ada.getGroups({ order: [['name', 'ASC']] })).map((g) => g.name),
);
console.log(
  'readers:',
  (await readers.getUsers({ order: [['name', 'ASC']] })).map((u) => u.name),
);
console.log('bob admin?', await bob.hasGroup(admins), 'count:', await ada.countGroups());
await ada.removeGroup(readers);
console.log(await sequelize.models.Memberships.findAll({ raw: true }));
console.log(Object.keys(sequelize.models).sort());
