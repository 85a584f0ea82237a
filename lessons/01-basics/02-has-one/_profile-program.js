import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', {
  bio: DataTypes.TEXT,
  website: DataTypes.STRING,
});

// A user has one profile; a profile belongs to one user.
// The key is Profiles.userId.
User.hasOne(Profile, { foreignKey: 'userId' });
Profile.belongsTo(User, { foreignKey: 'userId' });

async function main() {
  await sequelize.sync({ force: true });

  const ada = await User.create({ name: 'Ada' });
  const bram = await User.create({ name: 'Bram' });
  await ada.createProfile({ bio: 'Backend developer in Lisbon', website: 'ada.example' });

  // From the user to the profile: one profile, or null when there is none.
  const profile = await ada.getProfile();
  console.log(`${ada.name}: ${profile.bio}`);
  console.log(`${bram.name}: ${await bram.getProfile()}`);

  // From the profile back to its user.
  const owner = await profile.getUser();
  console.log(`${profile.website} belongs to ${owner.name}`);

  // Eager loading: each user comes with user.Profile, one object or null.
  const users = await User.findAll({ include: Profile, order: [['id', 'ASC']] });
  for (const user of users) {
    console.log(`${user.name}'s website: ${user.Profile ? user.Profile.website : '(no profile)'}`);
  }
}

await main();
