/** Messages between the page and the SQL formatter's worker (sql-format.worker.ts). */
export interface FormatRequest {
  id: number;
  sqls: string[];
}

export interface FormatReply {
  id: number;
  /** In the order of the request's `sqls`. */
  formatted: string[];
}
