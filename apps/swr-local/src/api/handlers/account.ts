import { forbidden, invalidParameter, SwrError } from '../../domain/errors.js';
import { SwrErrorCode, type FeatureGates, type VersionDetail } from '@swr-console/swr-api';
import { NAMESPACE_QUOTA, namespaceCount } from '../../domain/namespaces.js';
import { issueTemporaryLogin } from '../../registry/access.js';
import { registryHostOf } from '../../services.js';
import type { Handlers } from '../handler.js';

/** A temporary login lasts this long unless `duration_seconds` says otherwise (as in SWR's console). */
const DEFAULT_LOGIN_SECONDS = 6 * 3600;

const VERSIONS: VersionDetail[] = [
  {
    id: 'v2',
    links: { href: '/v2/', rel: 'self' },
    version: '',
    status: 'CURRENT',
    updated: '2018-06-01T00:00:00Z',
    min_version: '',
  },
];

const FEATURE_GATES: FeatureGates = {
  enable_experience: false,
  enable_hss_service: false,
  enable_image_scan: false,
  enable_sm3: false,
  enable_image_sync: true,
  enable_cci_service: false,
  enable_image_label: false,
  enable_pipeline: false,
};

const DAY_MS = 86_400_000;
const REPORT_DAYS = 30;

export const accountHandlers: Pick<
  Handlers,
  | 'CreateSecret'
  | 'ListQuotas'
  | 'ShowDomainOverview'
  | 'ShowDomainResourceReports'
  | 'ShowShareFeatureGates'
  | 'ListApiVersions'
  | 'ShowApiVersion'
> = {
  CreateSecret({ services, principal: { user }, region, query, now }) {
    if (query.projectname !== undefined && query.projectname !== region) {
      throw invalidParameter(`projectname must be this region's project name, ${region}`);
    }
    const seconds = query.duration_seconds ?? DEFAULT_LOGIN_SECONDS;
    const expiresAt = new Date(now.getTime() + seconds * 1000);
    const { username, password } = issueTemporaryLogin(services.db, user.id, region, expiresAt);
    const host = registryHostOf(services, region);
    return {
      headers: {
        'X-Swr-Dockerlogin': `docker login -u ${username} -p ${password} ${host}`,
        'X-Swr-Expireat': expiresAt.toISOString(),
      },
      body: {
        auths: { [host]: { auth: Buffer.from(`${username}:${password}`).toString('base64') } },
      },
    };
  },

  ListQuotas({ services: { db }, principal, region, params }) {
    if (params.project_id !== principal.projectId)
      throw forbidden('The project is not the caller’s project in this region');
    return {
      body: {
        quotas: [
          {
            quota_key: 'namespace',
            quota_limit: NAMESPACE_QUOTA,
            used: namespaceCount(db, principal.user.domainId, region),
            unit: '',
          },
        ],
      },
    };
  },

  ShowDomainOverview({ services: { db }, principal: { user }, region }) {
    const counts = db
      .prepare(
        `SELECT
           (SELECT COUNT(*) FROM namespaces WHERE domain_id = @domain AND region = @region) AS namespaces,
           (SELECT COUNT(*) FROM repositories r JOIN namespaces n ON n.id = r.namespace_id WHERE n.domain_id = @domain AND n.region = @region) AS repositories,
           (SELECT COUNT(*) FROM tags t JOIN repositories r ON r.id = t.repository_id JOIN namespaces n ON n.id = r.namespace_id
             WHERE n.domain_id = @domain AND n.region = @region) AS images,
           (SELECT COALESCE(SUM(m.size), 0) FROM manifests m JOIN repositories r ON r.id = m.repository_id JOIN namespaces n ON n.id = r.namespace_id
             WHERE n.domain_id = @domain AND n.region = @region AND EXISTS (SELECT 1 FROM tags t WHERE t.repository_id = m.repository_id AND t.digest = m.digest)) AS stored,
           (SELECT COALESCE(SUM(w.bytes), 0) FROM downloads w JOIN repositories r ON r.id = w.repository_id JOIN namespaces n ON n.id = r.namespace_id
             WHERE n.domain_id = @domain AND n.region = @region) AS downloaded`,
      )
      .get({ domain: user.domainId, region }) as {
      namespaces: number;
      repositories: number;
      images: number;
      stored: number;
      downloaded: number;
    };
    return {
      body: {
        domain_id: user.domainId,
        domain_name: user.domainName,
        namspace_num: counts.namespaces,
        repo_num: counts.repositories,
        image_num: counts.images,
        store_space: counts.stored,
        downflow_size: counts.downloaded,
      },
    };
  },

  ShowDomainResourceReports({ services: { db }, principal: { user }, region, params, now }) {
    const days = Array.from({ length: REPORT_DAYS }, (_, i) =>
      new Date(now.getTime() - (REPORT_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10),
    );
    const scope = `JOIN repositories r ON r.id = x.repository_id JOIN namespaces n ON n.id = r.namespace_id WHERE n.domain_id = ? AND n.region = ?`;
    const value =
      params.resource_type === 'downflow'
        ? db
            .prepare(`SELECT COALESCE(SUM(x.bytes), 0) FROM downloads x ${scope} AND x.day = ?`)
            .pluck()
        : // Bytes of the images still tagged that had been pushed by the end of that day.
          db
            .prepare(
              `SELECT COALESCE(SUM(x.size), 0) FROM manifests x ${scope} AND substr(x.created_at, 1, 10) <= ?
               AND EXISTS (SELECT 1 FROM tags t WHERE t.repository_id = x.repository_id AND t.digest = x.digest)`,
            )
            .pluck();
    return {
      body: days.map((date) => ({ date, value: value.get(user.domainId, region, date) as number })),
    };
  },

  ShowShareFeatureGates({ principal, params }) {
    if (params.project_id !== principal.projectId)
      throw forbidden('The project is not the caller’s project in this region');
    return { body: FEATURE_GATES };
  },

  ListApiVersions() {
    return { body: { versions: VERSIONS } };
  },

  ShowApiVersion({ params }) {
    const version = VERSIONS.find((v) => v.id === params.api_version);
    if (!version)
      throw new SwrError(
        404,
        SwrErrorCode.resourceNotFound,
        `API version ${params.api_version} does not exist`,
      );
    return { body: { version } };
  },
};
