import { StoreOpenError } from '../core/errors.js';
import type { SqlDriver } from './driver.js';
import { MIGRATIONS, MIGRATIONS_TABLE, type Migration } from './migrations.js';

/** Lock key that serialises migrations across processes on a shared server. */
const MIGRATION_LOCK = 'triangulate:migrate';

/**
 * Applies every migration newer than the stored version, all in one transaction that takes the write lock
 * first and re-reads the version inside it, so processes opening a new database at once apply each migration once.
 */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const latest = latestVersion(migrations);
  const seen = await versionIfAny(driver);
  if (seen !== undefined) refuseNewer(driver.location, seen, latest);
  // Up to date (the usual case): no lock taken, so opening never waits on another process's writes.
  if (seen === latest) return latest;
  return driver.transaction(async (tx) => {
    await tx.run(MIGRATIONS_TABLE);
    const applied = await currentVersion(tx);
    refuseNewer(driver.location, applied, latest);
    for (const migration of migrations) {
      if (migration.version <= applied) continue;
      for (const statement of migration.statements) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    return currentVersion(tx);
  }, { lockKey: MIGRATION_LOCK });
}

/** For a store opened read-only: refuses a schema newer than this program's, changes nothing. */
export async function checkVersion(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const applied = (await versionIfAny(driver)) ?? 0;
  refuseNewer(driver.location, applied, latestVersion(migrations));
  return applied;
}

/** Highest applied migration version, 0 for a new database. */
export async function currentVersion(driver: SqlDriver): Promise<number> {
  const rows = await driver.all<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return Number(rows[0]?.v ?? 0);
}

function latestVersion(migrations: readonly Migration[]): number {
  return Math.max(0, ...migrations.map((m) => m.version));
}

/** The applied version, or undefined while the migrations table does not exist yet. */
async function versionIfAny(driver: SqlDriver): Promise<number | undefined> {
  try {
    return await currentVersion(driver);
  } catch {
    return undefined;
  }
}

function refuseNewer(location: string, applied: number, latest: number): void {
  if (applied > latest) {
    throw new StoreOpenError(
      location,
      'store:newer-schema',
      `was written by a newer Triangulate (schema version ${applied}; this one knows versions up to ${latest}); upgrade Triangulate to use it`,
    );
  }
}
