import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.STRING });

User.hasOne(Profile, { foreignKey: 'userId' });
Profile.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const bo = await User.create({ name: 'Bo Chen' });

// create: a new profile, already linked to Ana.
const first = await ana.createProfile({ bio: 'Backend developer in Lisbon' });
console.log(`created: ${first.bio} (userId ${first.userId})`);

// get, from both sides.
const profile = await ana.getProfile();
const owner = await first.getUser();
console.log(`get: ${ana.name}'s profile says "${profile.bio}"; it belongs to ${owner.name}`);

// set on the hasOne side: the new profile takes Ana, the old one lets go.
const second = await Profile.create({ bio: 'Bread, bikes and SQL' });
await ana.setProfile(second);
await first.reload();
console.log(
  `setProfile: Ana's profile is now "${(await ana.getProfile()).bio}"; the old one has userId ${first.userId}`,
);

// set on the belongsTo side: the profile points at another user.
await first.setUser(bo);
console.log(`setUser: "${first.bio}" now belongs to ${(await first.getUser()).name}`);
