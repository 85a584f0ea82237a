import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Profile = sequelize.define('Profile', { bio: DataTypes.STRING }, { timestamps: false });
User.hasOne(Profile);
Profile.belongsTo(User);

await sequelize.sync();
const user = await User.create({ name: 'Ada' });
console.log('no profile yet:', await user.getProfile());
const first = await user.createProfile({ bio: 'Mathematician' });
console.log('first:', first.toJSON());
const second = await Profile.create({ bio: 'Programmer' });
await user.setProfile(second);
console.log(await Profile.findAll({ raw: true, order: [['id', 'ASC']] }));
console.log('profile now:', (await user.getProfile()).bio);
const withProfile = await User.findOne({ include: Profile });
console.log(withProfile.Profile.bio, Object.keys(withProfile.toJSON()));
