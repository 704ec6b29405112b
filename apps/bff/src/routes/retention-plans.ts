import type { RepositoryPlan } from '@swr-console/contracts/bff';
import { bffOperations } from '@swr-console/contracts/bff/schemas';
import {
  ApiError,
  layerBytesFreed,
  planRetention,
  retentionRule,
  type PlanTag,
  type RetentionRule,
  type SwrClient,
} from '@swr-console/swr-api';
import { Router } from 'express';
import { z } from 'zod';
import { readAs, regionUpstream, swrClientOf } from '../auth/clients.js';
import { HttpProblem } from '../problem.js';
import { Kept, temporaryLogin } from '../registry/login.js';
import type { ServedManifest } from '../registry/reader.js';
import type { Topology } from '../regions.js';
import { requireSignIn } from '../security.js';
import type { Sessions } from '../session/sessions.js';
import { checked, reply, serve } from './contract.js';
import {
  imageReader,
  KEPT_MANIFESTS,
  layersOfTags,
  readTags,
  type ImageRead,
  type ListedTag,
} from './tag-layers.js';
import { eachRepository, repositoryPage } from './repository-page.js';

/**
 * `GET /api/retention-plans/{region}`: for a page of the region's repositories, what retention
 * would delete today — each repository's own rule, or a rule typed once for those without one —
 * with the layer bytes that would really be freed: a layer counts only when no kept tag of the
 * repository still uses it. Single images' layers come from the manifests the tag list carries;
 * the platforms of a multi-platform list are read from the registry with a temporary login of the
 * user (by digest, kept once read). The rules are `planRetention`, the function swr-local runs.
 */

/** Beyond this many tags a repository is reported, not planned (the console's plan limit). */
const PLANNED_TAGS_CAP = 10_000;

export interface PlanOptions {
  topology: Topology;
  sessions: Sessions;
  timeoutMs: number;
  insecureRegistries: boolean;
}

const recordedRules = z.array(
  z.looseObject({ id: z.number(), rules: z.array(z.unknown()).min(1) }),
);

export function retentionPlanRoutes(options: PlanOptions): Router {
  const router = Router();
  const manifests = new Kept<ServedManifest>(KEPT_MANIFESTS);

  serve(router, 'PlanRetentions', requireSignIn(), async (req, res) => {
    const query = checked(bffOperations.PlanRetentions.query, req.query, {
      detail: 'Some parameters need attention.',
    });
    const upstream = await regionUpstream(res, options, String(req.params.region));
    const swr = swrClientOf(upstream);
    const typed: RetentionRule | undefined = query.template
      ? retentionRule.parse({
          template: query.template,
          params:
            query.template === 'tag_rule'
              ? { num: String(query.count) }
              : { days: String(query.count) },
          tag_selectors: [
            ...(query.exemptTag ?? []).map((pattern) => ({ kind: 'label', pattern })),
            ...(query.exemptPattern ?? []).map((pattern) => ({ kind: 'regexp', pattern })),
          ],
        })
      : undefined;
    const now = new Date();

    const { repositories: page, total } = await repositoryPage(swr, query);

    // The user's registry login, taken once per answer and only when a list must be read.
    let login: Promise<{ username: string; password: string }> | undefined;
    const images = imageReader(
      options,
      upstream,
      () => (login ??= temporaryLogin(upstream)),
      manifests,
    );

    const repositories = await eachRepository(page, (repo) =>
      planOne(swr, repo, typed, now, images),
    );
    reply(res, 'PlanRetentions', { total, now: now.toISOString(), repositories });
  });
  return router;
}

async function planOne(
  swr: SwrClient,
  repo: { namespace: string; name: string },
  typed: RetentionRule | undefined,
  now: Date,
  images: ImageRead,
): Promise<RepositoryPlan> {
  const base = { namespace: repo.namespace, name: repo.name };
  const empty = { deleted: [], kept: 0, bytesFreed: 0, unread: 0 };
  let tags: ListedTag[] | undefined;
  let rules: z.infer<typeof recordedRules>;
  try {
    const path = { namespace: repo.namespace, repository: repo.name };
    [tags, rules] = await Promise.all([
      readTags(swr, repo.namespace, repo.name, PLANNED_TAGS_CAP),
      swr.request('ListRetentions', { path }).then((answer) => readAs(recordedRules, answer.data)),
    ]);
  } catch (error) {
    if (error instanceof ApiError || error instanceof HttpProblem)
      return { ...base, tags: 0, state: 'failed', ...empty, problem: error.message };
    throw error;
  }
  if (!tags) return { ...base, tags: 0, state: 'too-many-tags', ...empty };
  const own = rules[0];
  const ownRule = own ? retentionRule.safeParse(own.rules[0]) : undefined;
  const rule = ownRule?.success ? ownRule.data : own ? undefined : typed;
  if (!rule)
    return {
      ...base,
      tags: tags.length,
      state: own ? 'failed' : 'none',
      ...(own ? { ruleId: own.id, problem: 'Its rule is not one the console can read.' } : {}),
      ...empty,
      kept: tags.length,
    };
  const planTags: PlanTag[] = tags.map((tag) => ({
    name: tag.Tag,
    updated: tag.updated,
    digest: tag.digest,
  }));
  const plan = planRetention(planTags, rule, now);
  const reasons = new Map(plan.entries.map((entry) => [entry.tag, entry.reason]));
  const digests = new Map(tags.map((tag) => [tag.Tag, tag.digest]));
  let bytesFreed = 0;
  let unread = 0;
  if (plan.deleted.length > 0) {
    // The layers of every tag: a kept tag may hold a layer a deleted one uses.
    const { layers: withLayers, unreadable } = await layersOfTags(
      `${repo.namespace}/${repo.name}`,
      tags,
      images,
    );
    const deleted = new Set(plan.deleted);
    bytesFreed = layerBytesFreed(withLayers, deleted);
    unread = [...unreadable].filter((tag) => deleted.has(tag)).length;
  }
  return {
    ...base,
    tags: tags.length,
    state: ownRule?.success ? 'own' : 'typed',
    rule,
    ...(own ? { ruleId: own.id } : {}),
    deleted: plan.deleted.map((tag) => ({
      tag,
      digest: digests.get(tag) ?? '',
      reason: reasons.get(tag)!,
    })),
    kept: plan.kept.length,
    bytesFreed,
    unread,
  };
}
