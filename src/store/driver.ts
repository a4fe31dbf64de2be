/** Options of one transaction. */
export interface TransactionOptions {
  /**
   * Serialises transactions naming the same key across processes (PostgreSQL: a transaction-scoped advisory lock,
   * released by commit, rollback or the holder's death). SQLite needs none: its write transactions are exclusive.
   */
  lockKey?: string;
}

/** The few operations a SQL backend must offer; SQL uses `?` placeholders, rewritten by backends that need `$n`. */
export interface SqlDriver {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;
  /** Opened for reading only: nothing is created, migrated or written. */
  readonly readOnly: boolean;
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<{ changes: number }>;
  /** Runs `fn` inside one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
