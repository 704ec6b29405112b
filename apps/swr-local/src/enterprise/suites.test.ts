import { operations } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIALS_SUITE,
  ENTERPRISE_SUITE,
  REPLICATION_SUITE,
  RETENTION_SUITE,
  SECURITY_SUITE,
  SIGNING_SUITE,
  WEBHOOK_SUITE,
} from '../testing/enterprise-suite.js';

// Each Enterprise suite checks it called every operation of its list; this checks the lists
// together hold every operation of the edition and of the key service.
describe('the Enterprise suites', () => {
  it('when they ran, then together they called every Enterprise and key service operation', () => {
    const edition = Object.entries(operations)
      .filter(([, operation]) => 'edition' in operation)
      .map(([id]) => id);
    const suites = [
      ENTERPRISE_SUITE,
      REPLICATION_SUITE,
      SIGNING_SUITE,
      SECURITY_SUITE,
      RETENTION_SUITE,
      CREDENTIALS_SUITE,
      WEBHOOK_SUITE,
    ];
    expect([...new Set(suites.flat())].sort()).toEqual(edition.sort());
  });
});
