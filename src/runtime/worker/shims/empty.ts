/** Stands in for modules the browser runtime must not load (other SQL dialects, pg-hstore). */
export default function unavailable(): never {
  throw new Error('This part of Sequelize is not available in the browser runtime: only SQLite is.');
}
