/** Parsing of the postgres:// locations `--db` and `TRIANGULATE_DB` accept; no driver needed, so the CLI can check one cheaply. */
import { StoreOpenError } from '../../core/errors.js';

/** A schema name used unquoted in SQL: letters, digits and underscores only. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresLocation {
  /** The URL handed to the driver, without Triangulate's own `schema` parameter. */
  connectionString: string;
  /** The schema tables live in (search_path), when the URL names one. */
  schema?: string;
  /** The URL with its password masked, for messages. */
  display: string;
}

/** True for a location that names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Splits a postgres:// URL into the driver's connection string and the schema named by `?schema=`.
 * @example parsePostgresUrl('postgres://u:pw@127.0.0.1/test?schema=news') // { schema: 'news', display: 'postgres://u:***@127.0.0.1/test?schema=news', … }
 */
export function parsePostgresUrl(location: string): PostgresLocation {
  const display = maskPassword(location);
  let url: URL;
  try {
    url = new URL(location);
  } catch (error) {
    throw new StoreOpenError(display, 'store:cannot-open', 'is not a valid postgres:// URL', { cause: error });
  }
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreOpenError(display, 'store:cannot-open', 'schema= must be lower-case letters, digits and underscores, starting with a letter');
  }
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema, display };
}

/** The location with any password replaced by `***`. */
export function maskPassword(location: string): string {
  return location.replace(/^(\w+:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}
