import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING, secret: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
const Profile = sequelize.define('Profile', { bio: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);
User.hasOne(Profile);

await sequelize.sync();
await User.create({ name: 'Ada', secret: 'x', Posts: [{ title: 'p' }], Profile: { bio: 'b' } }, { include: [Post, Profile] });
const everything = await User.findOne({ include: { all: true } });
console.log(Object.keys(everything.toJSON()));
const slim = await User.findOne({ attributes: { exclude: ['secret'] }, include: [{ model: Post, attributes: ['title'] }] });
console.log(slim.toJSON());
const raw = await User.findAll({ include: Post, raw: true, nest: true });
console.log(raw);
