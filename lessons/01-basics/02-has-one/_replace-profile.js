import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.TEXT });

// unique: true lets the database itself refuse a second profile
// for the same user.
User.hasOne(Profile, { foreignKey: { name: 'userId', unique: true } });
Profile.belongsTo(User, { foreignKey: { name: 'userId', unique: true } });

async function main() {
  await sequelize.sync({ force: true });

  const ada = await User.create({ name: 'Ada' });
  await ada.createProfile({ bio: 'Backend developer in Lisbon' });

  // Replace the profile: the old one is unlinked (userId = NULL),
  // not deleted.
  const fresh = await Profile.create({ bio: 'Now a designer in Porto' });
  await ada.setProfile(fresh);
  console.log(`${ada.name}: ${(await ada.getProfile()).bio}`);
  for (const profile of await Profile.findAll({ order: [['id', 'ASC']] })) {
    console.log(`Profile ${profile.id}: userId ${profile.userId}`);
  }

  // A second profile pointing at the same user breaks the promise of "one".
  try {
    await Profile.create({ bio: 'A copy', userId: ada.id });
  } catch (error) {
    console.log(`Refused: ${error.name}`);
  }
}

await main();
