import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
console.log(sequelize.getDatabaseName(), sequelize.getDialect(), sequelize.config.database, sequelize.config.host, sequelize.options.storage);
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
Post.belongsTo(User);
await sequelize.sync();
console.log(await sequelize.getQueryInterface().getForeignKeyReferencesForTable('Posts'));
console.log(await sequelize.getQueryInterface().showAllTables());
await sequelize.authenticate();
console.log('authenticated');
await sequelize.close();
console.log('closed');
