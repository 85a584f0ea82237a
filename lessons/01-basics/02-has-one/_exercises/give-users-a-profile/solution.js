import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', {
  bio: DataTypes.TEXT,
  website: DataTypes.STRING,
});

// A user has one profile; a profile belongs to its user.
// The key is Profiles.userId.
User.hasOne(Profile, { foreignKey: 'userId' });
Profile.belongsTo(User, { foreignKey: 'userId' });

/** Returns the bio on `user`'s profile, or null when there is no profile. */
export async function bioOf(user) {
  const profile = await user.getProfile();
  return profile ? profile.bio : null;
}

async function main() {
  await sequelize.sync({ force: true });

  const ada = await User.create({ name: 'Ada' });
  const bram = await User.create({ name: 'Bram' });
  await Profile.create({
    bio: 'Backend developer in Lisbon',
    website: 'ada.example',
    userId: ada.id,
  });

  for (const user of [ada, bram]) {
    console.log(`${user.name}: ${(await bioOf(user)) ?? '(no profile yet)'}`);
  }
}

await main();
