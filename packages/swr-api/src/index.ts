// The package's one entry. Its folders say what runs where:
// - wire/: the shape of the wire without a schema library: endpoints, errors, paths, the plain
//   HTTP client; what a browser loads.
// - rules/: domain rules shared by all three apps (retention plan, globs, filters, commands),
//   also free of the schema library.
// - schemas/: zod schemas of every operation and resource, and the client that checks them;
//   servers and tests only (lint keeps wire/ and rules/ from importing them but for types).
export * from './wire/patterns.js';
export * from './wire/endpoints.js';
export * from './wire/error-bodies.js';
export * from './wire/api-error.js';
export * from './wire/http-client.js';
export * from './wire/paths.js';
export * from './wire/route.js';
export * from './wire/paging.js';
export * from './wire/json.js';
export * from './wire/call.js';
export * from './rules/filter.js';
export * from './rules/commands.js';
export * from './rules/retention-plan.js';
export * from './rules/enterprise-retention.js';
export * from './rules/region-compare.js';
export * from './rules/image-compare.js';
export * from './rules/glob.js';
export * from './rules/signing-scope.js';
export * from './rules/immutability.js';
export * from './rules/signature-badges.js';
export * from './rules/regex.js';
export * from './rules/name-problems.js';
export * from './rules/request-text.js';
export * from './rules/cron.js';
export * from './rules/webhook-target.js';
export { SDK_PACKAGE, SDK_VERSION } from './rules/sdk-models.js';
export * from './schemas/names.js';
export * from './schemas/errors.js';
export {
  authLevel,
  decimal,
  defineOperation,
  filterParam,
  type HttpMethod,
  type Operation,
} from './schemas/operation.js';
export * from './schemas/operations.js';
export * from './schemas/client.js';
export * from './schemas/resources/versions.js';
export * from './schemas/resources/namespaces.js';
export * from './schemas/resources/permissions.js';
export * from './schemas/resources/repositories.js';
export * from './schemas/resources/tags.js';
export * from './schemas/resources/sharing.js';
export * from './schemas/resources/sync.js';
export * from './schemas/resources/triggers.js';
export * from './schemas/resources/retention.js';
export * from './schemas/resources/account.js';
export * from './schemas/resources/enterprise.js';
export * from './schemas/resources/enterprise-security.js';
export * from './schemas/resources/enterprise-replication.js';
export * from './schemas/resources/enterprise-retention.js';
export * from './schemas/resources/enterprise-webhooks.js';
export * from './schemas/resources/enterprise-credentials.js';
export * from './schemas/resources/signing.js';
export * from './schemas/resources/kms.js';
