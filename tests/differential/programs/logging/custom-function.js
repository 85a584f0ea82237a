import { Sequelize, DataTypes } from 'sequelize';

const seen = [];
const sequelize = new Sequelize('sqlite::memory:', {
  logging: (sql, options) => {
    seen.push(sql);
    console.log(typeof options, Object.keys(options).sort().join(','), Object.getOwnPropertySymbols(options).length);
  },
});
const User = sequelize.define('User', { name: DataTypes.STRING });
await sequelize.sync();
await User.create({ name: 'Ada' }, { logging: (sql) => console.log('one query:', sql.slice(0, 40)) });
await User.findAll({ logging: false });
console.log(seen);
