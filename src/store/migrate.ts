import type { SqlDriver } from './driver.js';
import { MIGRATIONS, MIGRATIONS_TABLE, type Migration } from './migrations.js';

/** Applies every migration newer than the stored version, each in its own transaction. */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  await driver.run(MIGRATIONS_TABLE);
  const applied = await currentVersion(driver);
  for (const migration of migrations) {
    if (migration.version <= applied) continue;
    await driver.transaction(async (tx) => {
      for (const statement of migration.statements) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    });
  }
  return currentVersion(driver);
}

/** Highest applied migration version, 0 for a new database. */
export async function currentVersion(driver: SqlDriver): Promise<number> {
  const rows = await driver.all<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return Number(rows[0]?.v ?? 0);
}
