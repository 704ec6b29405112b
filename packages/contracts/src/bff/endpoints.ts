import { MASKED_SECRET } from '@swr-console/swr-api';

/**
 * The BFF's own API (everything under `/api` except the SWR proxy): where each operation lives,
 * what it answers on success, and whether it answers without a session. Free of schemas, so the
 * browser builds its calls from it without loading the validation code; `schemas.ts` adds them.
 */
export interface BffEndpoint {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  status: number;
  /** Answers without a session (reviewed: what a sign-in page needs, nothing more). */
  public?: true;
}

export const bffEndpoints = {
  /** The profile, the regions, and (sandbox only) its users by name for one-click sign-in. */
  GetConfig: { method: 'GET', path: '/api/config', status: 200, public: true },
  /** A CSRF token for the sign-in form, on an anonymous session. */
  GetCsrfToken: { method: 'GET', path: '/api/csrf', status: 200, public: true },
  SignIn: { method: 'POST', path: '/api/session', status: 201, public: true },
  ShowSession: { method: 'GET', path: '/api/session', status: 200 },
  SignOut: { method: 'DELETE', path: '/api/session', status: 204 },
  /** The account's IAM users, id and name; IAM answers administrators only. */
  ListIamUsers: { method: 'GET', path: '/api/iam/users', status: 200 },
  /** A docker / nerdctl / ctr login for a region or an Enterprise instance. */
  CreateLoginCommand: { method: 'POST', path: '/api/login-command', status: 200 },
  /** Whether artifacts of an Enterprise repository carry signatures a key of the account verifies. */
  CheckSignatures: { method: 'GET', path: '/api/signatures/{region}', status: 200 },
  /**
   * A page of a region's repositories, each set tag by tag against the same repository in other
   * regions of the account: counts, and every tag that is not the same.
   */
  CompareRegions: { method: 'GET', path: '/api/regions-compare/{region}', status: 200 },
  /**
   * A tag or digest of a repository read from the region's registry with the user's own pull
   * rights: its platforms, and one image's layers, config and history.
   */
  InspectImage: { method: 'GET', path: '/api/images/{region}', status: 200 },
  /**
   * A page of a region's repositories with what retention would delete in each today: its own
   * rule, or a rule typed once for those without one, and the layer bytes that would be freed.
   */
  PlanRetentions: { method: 'GET', path: '/api/retention-plans/{region}', status: 200 },
  /** A page of a region's repositories with the storage their layers take, shared or not. */
  ShowStorage: { method: 'GET', path: '/api/storage/{region}', status: 200 },
  /** The layer bytes deleting some tags of a repository would free. */
  EstimateTagDeletion: { method: 'GET', path: '/api/storage/{region}/freed', status: 200 },
  /** The BFF's audit record: the account's for administrators, one's own for others. */
  ListAuditEntries: { method: 'GET', path: '/api/audit', status: 200 },
  /** The account's deletions held for their undo window, and those that ended lately. */
  ListDeletions: { method: 'GET', path: '/api/deletions', status: 200 },
  /** Takes back a held deletion before it reaches SWR. */
  UndoDeletion: { method: 'POST', path: '/api/deletions/{id}/undo', status: 200 },
  /**
   * A sample PUSH_ARTIFACT event POSTed by the BFF to a webhook target, as SWR would deliver it
   * (SWR has no such operation): how the receiver answered. 200 whenever it was sent.
   */
  SendWebhookTest: { method: 'POST', path: '/api/webhook-test', status: 200 },
} as const satisfies Record<string, BffEndpoint>;

/** Repositories compared in one answer; each is read in full in every region asked about. */
export const MAX_COMPARED_REPOSITORIES = 50;
/** Regions one comparison sets a repository against. */
export const MAX_COMPARED_REGIONS = 8;

/** Repositories planned in one answer. */
export const MAX_PLANNED_REPOSITORIES = 50;

/** Test events one session may send a minute (each may hold a connection for 5 s). */
export const WEBHOOK_TESTS_PER_MINUTE = 10;
/** What SWR answers in place of a webhook header's value, and takes on update as "keep it". */
export const MASKED_HEADER_VALUE = MASKED_SECRET;

export type BffEndpointId = keyof typeof bffEndpoints;

/** The routes that answer without a session, as `METHOD path`. */
export const PUBLIC_BFF_ROUTES: readonly string[] = Object.values(bffEndpoints)
  .filter((endpoint: BffEndpoint) => endpoint.public)
  .map((endpoint) => `${endpoint.method} ${endpoint.path}`);
