import type { RepositoryStorage } from '@swr-console/contracts/bff';
import { bffOperations } from '@swr-console/contracts/bff/schemas';
import { ApiError, layerBytesFreed, layerStorage, type SwrClient } from '@swr-console/swr-api';
import { Router } from 'express';
import { fromSwr, regionUpstream, swrClientOf } from '../auth/clients.js';
import { HttpProblem } from '../problem.js';
import { Kept, temporaryLogin } from '../registry/login.js';
import type { ServedManifest } from '../registry/reader.js';
import type { Topology } from '../regions.js';
import { requireSignIn } from '../security.js';
import type { Sessions } from '../session/sessions.js';
import { checked, reply, serve } from './contract.js';
import { eachRepository, repositoryPage } from './repository-page.js';
import {
  imageReader,
  KEPT_MANIFESTS,
  layersOfTags,
  readTags,
  type ImageRead,
} from './tag-layers.js';

/**
 * `GET /api/storage/{region}`: where a region's storage goes, a page of repositories at a time —
 * each one's distinct layers (counted once however many tags use them) and how much of that two
 * tags or more share. `GET /api/storage/{region}/freed`: what deleting some tags of a repository
 * would free (layers no other tag uses). Layers as the retention plans read them.
 */

/** Beyond this many tags a repository is reported, not read. */
const STORAGE_TAGS_CAP = 10_000;

export interface StorageOptions {
  topology: Topology;
  sessions: Sessions;
  timeoutMs: number;
  insecureRegistries: boolean;
}

async function storageOf(
  swr: SwrClient,
  repo: { namespace: string; name: string },
  images: ImageRead,
): Promise<RepositoryStorage> {
  const base = { namespace: repo.namespace, name: repo.name };
  const none = { tags: 0, images: 0, bytes: 0, sharedBytes: 0, unread: 0 };
  let tags;
  try {
    tags = await readTags(swr, repo.namespace, repo.name, STORAGE_TAGS_CAP);
  } catch (error) {
    if (error instanceof ApiError || error instanceof HttpProblem)
      return { ...base, state: 'failed', ...none, problem: error.message };
    throw error;
  }
  if (!tags) return { ...base, state: 'too-many-tags', ...none };
  const { layers, unreadable } = await layersOfTags(`${repo.namespace}/${repo.name}`, tags, images);
  const { bytes, sharedBytes } = layerStorage(layers);
  return {
    ...base,
    state: 'read',
    tags: tags.length,
    images: new Set(tags.map((tag) => tag.digest)).size,
    bytes,
    sharedBytes,
    unread: unreadable.size,
  };
}

export function storageRoutes(options: StorageOptions): Router {
  const router = Router();
  const manifests = new Kept<ServedManifest>(KEPT_MANIFESTS);

  serve(router, 'ShowStorage', requireSignIn(), async (req, res) => {
    const query = checked(bffOperations.ShowStorage.query, req.query, {
      detail: 'Some parameters need attention.',
    });
    const upstream = await regionUpstream(res, options, String(req.params.region));
    const swr = swrClientOf(upstream);
    const { repositories: page, total } = await repositoryPage(swr, query);
    let login: ReturnType<typeof temporaryLogin> | undefined;
    const images = imageReader(
      options,
      upstream,
      () => (login ??= temporaryLogin(upstream)),
      manifests,
    );
    const repositories = await eachRepository(page, (repo) => storageOf(swr, repo, images));
    reply(res, 'ShowStorage', { total, repositories });
  });

  serve(router, 'EstimateTagDeletion', requireSignIn(), async (req, res) => {
    const query = checked(bffOperations.EstimateTagDeletion.query, req.query, {
      detail: 'Some parameters need attention.',
    });
    const upstream = await regionUpstream(res, options, String(req.params.region));
    const swr = swrClientOf(upstream);
    const tags = await fromSwr(readTags(swr, query.namespace, query.repository, STORAGE_TAGS_CAP));
    if (!tags)
      throw new HttpProblem(
        422,
        'Unprocessable Content',
        'The repository has more tags than the console reads.',
        {
          code: 'TOO_MANY_TAGS',
        },
      );
    let login: ReturnType<typeof temporaryLogin> | undefined;
    const images = imageReader(
      options,
      upstream,
      () => (login ??= temporaryLogin(upstream)),
      manifests,
    );
    const { layers, unreadable } = await layersOfTags(
      `${query.namespace}/${query.repository}`,
      tags,
      images,
    );
    const existing = new Set(tags.map((tag) => tag.Tag));
    const deleted = new Set(query.tag.filter((tag) => existing.has(tag)));
    reply(res, 'EstimateTagDeletion', {
      tags: deleted.size,
      bytesFreed: layerBytesFreed(layers, deleted),
      unread: [...unreadable].filter((tag) => deleted.has(tag)).length,
    });
  });
  return router;
}
