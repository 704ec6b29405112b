import { bffOperations } from '@swr-console/contracts/bff/schemas';
import type { ComparedRegion, ComparedRepository } from '@swr-console/contracts/bff';
import { ApiError, compareTags, type SwrClient, type TagDigest } from '@swr-console/swr-api';
import { Router } from 'express';
import { z } from 'zod';
import { fromSwr, regionUpstream, swrClientOf, type UpstreamDeps } from '../auth/clients.js';
import { HttpProblem, titleOf } from '../problem.js';
import { requireSignIn } from '../security.js';
import { checked, reply, serve } from './contract.js';
import { eachRepository, repositoryPage } from './repository-page.js';
import { readTagPages } from './tag-layers.js';

/**
 * `GET /api/regions-compare/{region}`: a page of the region's repositories, each set tag by tag
 * against the same repository in other regions. The BFF reads the tag pages itself and answers
 * only counts and differences: the tag list carries each tag's manifest, which the browser would
 * otherwise download in full for every tag of every region (docs/web.md has both measured).
 */

/** Beyond this many tags on either side, a repository is reported, not compared. */
export const COMPARED_TAGS_CAP = 20_000;

const tagDigest = z.object({ Tag: z.string(), digest: z.string() });

type TagsRead = { state: 'read'; tags: TagDigest[] } | { state: 'absent' | 'too-many' };

/** Every tag of a repository with its digest, or why there are none to compare. */
async function readTags(swr: SwrClient, namespace: string, repository: string): Promise<TagsRead> {
  let listed;
  try {
    listed = await readTagPages(swr, namespace, repository, COMPARED_TAGS_CAP, tagDigest);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { state: 'absent' };
    throw error;
  }
  if (!listed) return { state: 'too-many' };
  return { state: 'read', tags: listed.map((item) => ({ tag: item.Tag, digest: item.digest })) };
}

const emptySide = { same: 0, different: 0, missing: 0, onlyThere: 0, differences: [] };

/** SWR's reason, as a line a person can read, for a region that could not be read. */
function problemOf(error: unknown): string {
  if (error instanceof ApiError)
    return error.status === 0
      ? 'SWR could not be reached.'
      : `${error.message || 'SWR refused the request.'} (${error.status})`;
  if (error instanceof HttpProblem) return error.message;
  throw error;
}

export function regionsCompareRoutes(deps: UpstreamDeps): Router {
  const router = Router();
  serve(router, 'CompareRegions', requireSignIn(), async (req, res) => {
    const query = checked(bffOperations.CompareRegions.query, req.query, {
      detail: 'Some parameters need attention.',
    });
    const region = String(req.params.region);
    const against = [...new Set(query.against)];
    if (against.includes(region))
      throw new HttpProblem(400, titleOf(400), 'Some parameters need attention.', {
        code: 'INVALID_INPUT',
        errors: [{ field: 'against', message: 'Choose regions other than this one.' }],
      });
    const here = swrClientOf(await regionUpstream(res, deps, region));
    const others = await Promise.all(
      against.map(async (id) => ({ id, swr: swrClientOf(await regionUpstream(res, deps, id)) })),
    );

    const { repositories: page, total } = await repositoryPage(here, query);

    // Whether an organization exists in a region, asked once per answer and only when a
    // repository is not there.
    const organizations = new Map<string, Promise<boolean>>();
    const hasOrganization = (id: string, swr: SwrClient, namespace: string) => {
      const key = `${id}\n${namespace}`;
      let known = organizations.get(key);
      if (!known) {
        known = swr.request('ShowNamespace', { path: { namespace } }).then(
          () => true,
          (error: unknown) => {
            if (error instanceof ApiError && error.status === 404) return false;
            throw error;
          },
        );
        organizations.set(key, known);
      }
      return known;
    };

    const repositories = await eachRepository(page, async (repo): Promise<ComparedRepository> => {
      const targetNamespace = query.targetNamespace ?? repo.namespace;
      // A repository deleted since the listing has no tags left to compare.
      const read = await fromSwr(readTags(here, repo.namespace, repo.name));
      const mine: TagsRead = read.state === 'absent' ? { state: 'read', tags: [] } : read;
      const regions = await Promise.all(
        others.map(async ({ id, swr }): Promise<ComparedRegion> => {
          const side = { region: id, namespace: targetNamespace };
          if (mine.state !== 'read') return { ...side, state: 'too-many-tags', ...emptySide };
          let theirs: TagsRead;
          try {
            theirs = await readTags(swr, targetNamespace, repo.name);
          } catch (error) {
            return { ...side, state: 'failed', ...emptySide, problem: problemOf(error) };
          }
          if (theirs.state === 'too-many') return { ...side, state: 'too-many-tags', ...emptySide };
          if (theirs.state === 'absent') {
            let exists;
            try {
              exists = await hasOrganization(id, swr, targetNamespace);
            } catch (error) {
              return { ...side, state: 'failed', ...emptySide, problem: problemOf(error) };
            }
            if (!exists) return { ...side, state: 'no-namespace', ...emptySide };
          }
          const compared = compareTags(mine.tags, theirs.state === 'read' ? theirs.tags : []);
          return {
            ...side,
            state: theirs.state === 'absent' ? 'no-repository' : 'compared',
            ...compared,
          };
        }),
      );
      return {
        namespace: repo.namespace,
        name: repo.name,
        tags: mine.state === 'read' ? mine.tags.length : 0,
        regions,
      };
    });
    reply(res, 'CompareRegions', { total, repositories });
  });
  return router;
}
