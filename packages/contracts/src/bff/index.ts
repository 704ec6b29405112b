// The BFF's API as the browser needs it: the endpoint table, the types and the typed client.
// No schema library here (types aside); the BFF and tests import `./schemas`.
import type { z } from 'zod';
import type { regionsComparison, retentionPlans, storagePage } from './insight-schemas.js';
import type { deletion, publicConfig, session } from './schemas.js';
import type { webhookTestResult } from './webhook-schemas.js';

export * from './endpoints.js';
export * from './client.js';

export type PublicConfig = z.output<typeof publicConfig>;
export type Session = z.output<typeof session>;
export type SessionRegion = Session['regions'][number];
export type Deletion = z.output<typeof deletion>;
export type RegionsComparison = z.output<typeof regionsComparison>;
export type ComparedRepository = RegionsComparison['repositories'][number];
export type ComparedRegion = ComparedRepository['regions'][number];
export type RetentionPlans = z.output<typeof retentionPlans>;
export type RepositoryPlan = RetentionPlans['repositories'][number];
export type StoragePage = z.output<typeof storagePage>;
export type RepositoryStorage = StoragePage['repositories'][number];
export type WebhookTestResult = z.output<typeof webhookTestResult>;
