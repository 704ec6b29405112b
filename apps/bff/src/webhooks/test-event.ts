import { createHash, createHmac } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import { parseAuthHeader } from '@swr-console/swr-api';

/**
 * The sample event a webhook test sends, and its headers: the same shape, `X-Swr-*` headers and
 * signature as SWR's deliveries (swr-local's `enterprise/webhook-delivery.ts`, documented in
 * docs/swr-local.md "Webhooks"), so a receiver that verifies this one verifies SWR's. Pure: a
 * function of the target's headers, the body and the time.
 */

export interface PushArtifactEvent {
  type: 'PUSH_ARTIFACT';
  occur_at: number;
  operator: string;
  event_data: {
    resources: { digest: string; tag: string; resource_url: string }[];
    repository: {
      date_created: number;
      name: string;
      namespace: string;
      repo_full_name: string;
      repo_type: 'private';
    };
  };
}

/** What the sample says was pushed: a repository and tag no namespace really has. */
export const TEST_REPOSITORY = 'webhook-test';
export const TEST_TAG = 'console-test';
/** `.invalid` never resolves (RFC 2606): a receiver that pulls the image finds nothing. */
const TEST_REGISTRY = 'webhook-test.invalid';
const TEST_DIGEST = `sha256:${createHash('sha256').update('SWR Console webhook test event').digest('hex')}`;

/** Identifies the sender; SWR's deliveries carry their own. */
export const TEST_USER_AGENT = 'swr-console-webhook-test';

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function sampleEvent({
  namespace,
  operator,
  now,
}: {
  namespace: string;
  operator: string;
  now: Date;
}): PushArtifactEvent {
  return {
    type: 'PUSH_ARTIFACT',
    occur_at: unixSeconds(now),
    operator,
    event_data: {
      resources: [
        {
          digest: TEST_DIGEST,
          tag: TEST_TAG,
          resource_url: `${TEST_REGISTRY}/${namespace}/${TEST_REPOSITORY}:${TEST_TAG}`,
        },
      ],
      repository: {
        date_created: unixSeconds(now),
        name: TEST_REPOSITORY,
        namespace,
        repo_full_name: `${namespace}/${TEST_REPOSITORY}`,
        repo_type: 'private',
      },
    },
  };
}

/** `sha256=` and the hex HMAC-SHA256 of `text` keyed by `key`. */
export function signBody(text: string, key: string): string {
  return `sha256=${createHmac('sha256', key).update(text, 'utf8').digest('hex')}`;
}

/**
 * The request headers: the target's `auth_header`, then `Content-Type`, `X-Swr-Event`,
 * `X-Swr-Delivery`, `X-Swr-Timestamp` and, with an `auth_header`, `X-Swr-Signature-256` (HMAC of
 * `<timestamp>.<body>` keyed by the `auth_header` string as given). Undefined when the headers
 * are refused by the same rule SWR's targets follow (the route has refused them before).
 */
export function testHeaders(
  authHeader: string | undefined,
  body: string,
  { deliveryId, now }: { deliveryId: string; now: Date },
): OutgoingHttpHeaders | undefined {
  const parsed = parseAuthHeader(authHeader ?? '');
  if ('problem' in parsed) return undefined;
  const timestamp = String(unixSeconds(now));
  const headers: OutgoingHttpHeaders = { 'User-Agent': TEST_USER_AGENT };
  for (const [name, value] of parsed.headers) headers[name] = value;
  Object.assign(headers, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Swr-Event': 'PUSH_ARTIFACT',
    'X-Swr-Delivery': deliveryId,
    'X-Swr-Timestamp': timestamp,
  });
  if (parsed.headers.length > 0)
    headers['X-Swr-Signature-256'] = signBody(`${timestamp}.${body}`, authHeader ?? '');
  return headers;
}
