import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', {
  bio: DataTypes.TEXT,
  website: DataTypes.STRING,
});

// TODO 1: a user has one profile, and a profile belongs to its user.
//         Both sides use the foreign key `userId`.

/**
 * Returns the bio on `user`'s profile, or null when there is no profile.
 * TODO 2: use the accessor that the association adds to every user.
 */
export async function bioOf(user) {
  throw new Error('bioOf(user) is not written yet');
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
