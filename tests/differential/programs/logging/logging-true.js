import { Sequelize } from 'sequelize';

const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: true });
console.log('constructed');
await sequelize.query('SELECT 1');
await sequelize.query('SELECT 2', { logging: true });
