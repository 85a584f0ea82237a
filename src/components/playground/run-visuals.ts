/**
 * What the result panels show beyond the log (loaded with ./results after a run): the
 * tables at every step (Tables panel and under each statement of the SQL panel) and the
 * N+1 groups. The Diagram panel is apart (./diagram-view, loaded when its tab is opened).
 */
export { TableHistory } from '../../insight/table-steps';
export { createTablesStepper, type TablesStepper } from './table-steps-view';
export { decorateRequestSql, decorateSqlPanel } from './sql-insight';
