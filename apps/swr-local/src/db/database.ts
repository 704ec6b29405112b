import Database from 'better-sqlite3';
import { migrations } from './schema.js';

export type Db = Database.Database;

/**
 * Opens (or creates) the metadata database. WAL keeps readers and the writer apart; every change
 * is a transaction, so a crash loses nothing that was acknowledged.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > migrations.length) {
    throw new Error(
      `The database is newer (schema ${applied}) than this swr-local (${migrations.length}).`,
    );
  }
  db.transaction(() => {
    for (let version = applied; version < migrations.length; version++)
      db.exec(migrations[version]!);
    db.pragma(`user_version = ${migrations.length}`);
  })();
}
