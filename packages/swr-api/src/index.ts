// Free of any schema library (safe for browsers to import alone):
export * from './patterns.js';
export * from './endpoints.js';
export * from './error-bodies.js';
export * from './api-error.js';
export * from './http-client.js';
export * from './paths.js';
export * from './route.js';
export * from './filter.js';
export * from './paging.js';
export * from './commands.js';
export * from './retention-plan.js';
export * from './glob.js';
export * from './signing-scope.js';
export * from './signature-badges.js';
// With the schemas:
export * from './names.js';
export * from './errors.js';
export * from './regex.js';
export {
  authLevel,
  decimal,
  defineOperation,
  filterParam,
  type HttpMethod,
  type Operation,
} from './operation.js';
export * from './operations.js';
export * from './client.js';
export * from './resources/versions.js';
export * from './resources/namespaces.js';
export * from './resources/permissions.js';
export * from './resources/repositories.js';
export * from './resources/tags.js';
export * from './resources/sharing.js';
export * from './resources/sync.js';
export * from './resources/triggers.js';
export * from './resources/retention.js';
export * from './resources/account.js';
export * from './resources/enterprise.js';
export * from './resources/signing.js';
export * from './resources/kms.js';
