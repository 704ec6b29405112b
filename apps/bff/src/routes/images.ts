import { bffOperations } from '@swr-console/contracts/bff/schemas';
import {
  configFacts,
  fieldsOf,
  itemsOf,
  numberOf,
  parseJson,
  platformName,
  stringOf,
  type ImageDetail,
  type ImageInspection,
} from '@swr-console/swr-api';
import { Router } from 'express';
import { instanceLogin, regionUpstream } from '../auth/clients.js';
import { Kept, temporaryLogin } from '../registry/login.js';
import { HttpProblem, titleOf } from '../problem.js';
import {
  MANIFEST_TYPES,
  RegistryReader,
  RegistryRefusal,
  type ServedManifest,
} from '../registry/reader.js';
import type { Topology } from '../regions.js';
import { requireSignIn } from '../security.js';
import type { Sessions } from '../session/sessions.js';
import { checked, reply, serve } from './contract.js';

/**
 * `GET /api/images/{region}`: one tag (or digest) of a repository as its registry serves it (the
 * region's, or with `instance` an Enterprise instance's), read with a temporary login of the
 * signed-in user, so that only what the user may pull is shown: the
 * platforms of a list, and one image's layers, config and history. Manifests and configs named by
 * digest never change, so they are kept (by registry, repository and digest) once read; the tag
 * itself is always read again, with the user's own token, before anything kept is used.
 */

/** An image config is a few KB; a megabyte is more than any real one. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** Manifests and configs kept by digest. */
const KEPT = 2_000;

const LISTS: ReadonlySet<string> = new Set(MANIFEST_TYPES.slice(0, 2));

export interface ImageOptions {
  topology: Topology;
  sessions: Sessions;
  timeoutMs: number;
  /** Registries spoken to over plain HTTP (the sandbox). */
  insecureRegistries: boolean;
}

const notFound = (field: 'reference' | 'platform', message: string) =>
  new HttpProblem(404, titleOf(404), message, {
    code: field === 'reference' ? 'IMAGE_NOT_FOUND' : 'PLATFORM_NOT_FOUND',
    errors: [{ field, message }],
  });

const unreadable = (what: string) =>
  new HttpProblem(502, titleOf(502), `The registry served ${what} the console cannot read.`, {
    code: 'REGISTRY_UNREADABLE',
  });

export function imageRoutes(options: ImageOptions): Router {
  const router = Router();
  const manifests = new Kept<ServedManifest>(KEPT);
  const configs = new Kept<unknown>(KEPT);

  serve(router, 'InspectImage', requireSignIn(), async (req, res) => {
    const query = checked(bffOperations.InspectImage.query, req.query, {
      detail: 'Some parameters need attention.',
    });
    const upstream = await regionUpstream(res, options, String(req.params.region));
    // An instance's image is read from its own registry with the instance's temporary login.
    const instance = query.instance ? await instanceLogin(upstream, query.instance) : undefined;
    const login = instance ?? (await temporaryLogin(upstream));
    const host = instance?.registry ?? upstream.region.registry;
    const base = `${options.insecureRegistries ? 'http' : 'https'}://${host}`;
    const repository = `${query.namespace}/${query.repository}`;
    const reader = new RegistryReader(base, repository, login, options.timeoutMs);
    const keptKey = (digest: string) => `${base}/${repository}@${digest}`;

    /** A manifest by digest, from what is kept or the registry. */
    const byDigest = async (digest: string) => {
      const kept = manifests.get(keptKey(digest));
      if (kept) return kept;
      const served = await reader.read(digest);
      if (served) manifests.set(keptKey(digest), served);
      return served;
    };

    let inspection: ImageInspection;
    try {
      // The tag is read live, with the user's token: that is the access check for what is kept.
      const top = await reader.read(query.reference);
      if (!top)
        throw notFound(
          'reference',
          `${repository} has no tag or digest "${query.reference}" in ${upstream.region.id}.`,
        );
      manifests.set(keptKey(top.digest), top);
      const topJson = fieldsOf(parseJson(top.body));
      if (!topJson) throw unreadable('a manifest');
      const mediaType = top.mediaType || stringOf(topJson.mediaType) || '';
      const isList = LISTS.has(mediaType) || Array.isArray(topJson.manifests);
      const platforms = isList
        ? itemsOf(topJson.manifests).flatMap((entry) => {
            const fields = fieldsOf(entry);
            const platform = platformName(fields?.platform);
            const digest = stringOf(fields?.digest);
            // BuildKit's attestations (unknown/unknown) are no platform anyone pulls.
            if (!digest || !platform || platform.startsWith('unknown/')) return [];
            return [{ platform, digest }];
          })
        : [];
      let image = top;
      if (isList) {
        const chosen = query.platform
          ? platforms.find((p) => p.platform === query.platform)
          : platforms[0];
        if (!chosen)
          throw notFound(
            'platform',
            query.platform
              ? `${query.reference} has no image for ${query.platform}.`
              : `${query.reference} lists no platform.`,
          );
        const child = await byDigest(chosen.digest);
        if (!child) throw unreadable('a list naming an image it does not have');
        image = child;
      }
      inspection = {
        reference: query.reference,
        digest: top.digest,
        mediaType,
        platforms,
        image: await detailOf(image, async (digest) => {
          const key = keptKey(digest);
          let config = configs.get(key);
          if (config === undefined) {
            config = parseJson((await reader.blob(digest, MAX_CONFIG_BYTES)).toString('utf8'));
            if (config === undefined) throw unreadable('an image config');
            configs.set(key, config);
          }
          return config;
        }),
      };
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      if (error instanceof RegistryRefusal)
        throw new HttpProblem(
          403,
          titleOf(403),
          `You may not pull from ${repository} in ${upstream.region.id}, or it does not exist.`,
          { code: 'REGISTRY_DENIED' },
        );
      throw new HttpProblem(
        502,
        titleOf(502),
        `The registry of ${upstream.region.id}: ${(error as Error).message}.`,
        { code: 'REGISTRY_UNREADABLE' },
      );
    }
    reply(res, 'InspectImage', inspection);
  });
  return router;
}

/** One image manifest with its config: layers, sizes, run settings and history. */
async function detailOf(
  served: ServedManifest,
  config: (digest: string) => Promise<unknown>,
): Promise<ImageDetail> {
  const manifest = fieldsOf(parseJson(served.body));
  const configDigest = stringOf(fieldsOf(manifest?.config)?.digest);
  if (!manifest || !configDigest) throw unreadable('an image manifest');
  const configSize = numberOf(fieldsOf(manifest.config)?.size) ?? 0;
  const layers = itemsOf(manifest.layers).flatMap((entry) => {
    const fields = fieldsOf(entry);
    const digest = stringOf(fields?.digest);
    const size = numberOf(fields?.size);
    return digest && size !== undefined && size >= 0 ? [{ digest, size: Math.round(size) }] : [];
  });
  const facts = configFacts(await config(configDigest));
  return {
    platform: [facts.config.os, facts.config.architecture, facts.config.variant]
      .filter(Boolean)
      .join('/'),
    digest: served.digest,
    mediaType: served.mediaType || stringOf(manifest.mediaType) || '',
    configDigest,
    size:
      Buffer.byteLength(served.body) +
      configSize +
      layers.reduce((sum, layer) => sum + layer.size, 0),
    layers,
    ...facts,
  };
}
