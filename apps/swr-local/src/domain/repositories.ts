import { SwrErrorCode } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import type { User } from '../identity/identity.js';
import { SwrError } from './errors.js';
import { findRepository, type NamespaceRecord, type RepositoryRecord } from './records.js';

export interface NewRepository {
  name: string;
  category?: string | undefined;
  description?: string | undefined;
  isPublic?: boolean | undefined;
}

export function createRepository(
  db: Db,
  user: Pick<User, 'id' | 'name'>,
  namespace: NamespaceRecord,
  repo: NewRepository,
  now: Date,
): RepositoryRecord {
  if (findRepository(db, namespace.region, namespace.name, repo.name)) {
    throw new SwrError(
      409,
      SwrErrorCode.repositoryExists,
      `Repository "${namespace.name}/${repo.name}" already exists`,
    );
  }
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO repositories (namespace_id, name, category, description, is_public, creator_id, creator_name, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    namespace.id,
    repo.name,
    repo.category ?? 'other',
    repo.description ?? '',
    repo.isPublic ? 1 : 0,
    user.id,
    user.name,
    at,
    at,
  );
  return findRepository(db, namespace.region, namespace.name, repo.name)!;
}

/** `org/repo` as the registry names it. */
export function imagePath(repository: Pick<RepositoryRecord, 'namespace' | 'name'>): string {
  return `${repository.namespace}/${repository.name}`;
}
