import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: console.log, benchmark: true, logQueryParameters: true });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
await sequelize.sync();
await User.create({ name: 'Ada' });
await sequelize.query('SELECT $1 AS a', { bind: ['x'] });
