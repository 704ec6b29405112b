import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Operation } from './operation.js';
import { operations, type OperationId } from './operations.js';

// The official Node SDK builds each call's method, URL template and query names in ParamCreater.
const require = createRequire(import.meta.url);
const { ParamCreater } = require('@huaweicloud/huaweicloud-sdk-swr/v2/SwrClient.js') as {
  ParamCreater: () => Record<string, (request: unknown) => SdkOptions>;
};
interface SdkOptions {
  method: string;
  url: string;
  queryParams: Record<string, unknown>;
  data?: unknown;
}

// A request object that answers every field, so each creator fills every query parameter it knows.
const anything = new Proxy({}, { get: (_, key) => (key === 'constructor' ? Object : 'x') });
const sdk = Object.entries(ParamCreater()).map(([name, create]) => {
  const options = create(anything);
  return { id: name[0]!.toUpperCase() + name.slice(1), ...options };
});

describe('the contract against the official Node SDK 3.1.128', () => {
  it('when the SDK is read, then it has the 49 Basic-edition operations', () => {
    expect(sdk).toHaveLength(49);
  });

  it.each(sdk)(
    'when the SDK calls $id, then the contract has it with the same method and path',
    (call) => {
      const operation: Operation = operations[call.id as OperationId];
      expect(operation, `${call.id} is missing from the contract`).toBeDefined();
      expect(operation.method).toBe(call.method);
      expect(operation.path.replace(/\{([a-z_]+):[^}]+\}/g, '{$1}')).toBe(call.url);
    },
  );

  it.each(sdk.filter((call) => Object.keys(call.queryParams).length > 0))(
    'when the SDK sends query parameters of $id, then the contract knows each one',
    (call) => {
      const operation: Operation = operations[call.id as OperationId];
      const known = Object.keys(operation.query?.shape ?? {});
      expect(known).toEqual(expect.arrayContaining(Object.keys(call.queryParams)));
    },
  );

  it.each(sdk)(
    'when the SDK sends a body for $id, then the contract has a body schema too',
    (call) => {
      const operation: Operation = operations[call.id as OperationId];
      const sdkSendsBody =
        call.data !== undefined &&
        !(
          typeof call.data === 'object' &&
          call.data !== null &&
          Object.keys(call.data).length === 0
        );
      expect(operation.body !== undefined).toBe(sdkSendsBody);
    },
  );

  it('when the SDK is compared, then the Basic contract adds exactly the three read-only tag operations', () => {
    // The 3.1.128 SDK has no Enterprise or key service calls; those follow the API reference.
    const extra = Object.entries(operations)
      .filter(([id, operation]) => !('edition' in operation) && !sdk.some((call) => call.id === id))
      .map(([id]) => id);
    expect(extra.sort()).toEqual(['ListReferences', 'ListRepoAccessories', 'ShowRepoTag']);
  });
});
