import {
  AUTH_HEADER_LIMITS,
  ENTERPRISE_NAME_PATTERN,
  WEBHOOK_ADDRESS_MAX_LENGTH,
  parseAuthHeader,
  webhookAddressProblem,
} from '@swr-console/swr-api';
import { z } from 'zod';
import { MASKED_HEADER_VALUE } from './endpoints.js';

// A test event of a webhook target, sent by the BFF itself (SWR has no such operation).

/**
 * The secrets of an `auth_header` (`name:value;name:value`): each value, and the whole text of an
 * entry that has no `:` (a value typed without its name). Nothing of these is ever answered.
 */
export function headerSecrets(authHeader: string): string[] {
  return authHeader
    .split(';')
    .map((entry) => {
      const colon = entry.indexOf(':');
      return (colon < 0 ? entry : entry.slice(colon + 1)).trim();
    })
    .filter((secret) => secret !== '' && secret !== MASKED_HEADER_VALUE);
}

/**
 * `text` with every quoted secret (`“value”`, as the header rules quote what they refuse) written
 * as `“*****”`, so a refusal can say what is wrong without repeating the value.
 */
export function withoutQuotedSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (out, secret) => out.split(`“${secret}”`).join(`“${MASKED_HEADER_VALUE}”`),
    text,
  );
}

/** The target a test event goes to: a webhook target as SWR takes one, with real header values. */
export const webhookTestTarget = z
  .object({
    type: z.literal('http', 'The only target type is http.').default('http'),
    address: z.string().min(1, 'Enter the address to call.').max(WEBHOOK_ADDRESS_MAX_LENGTH),
    address_type: z.enum(['internal', 'internet']),
    auth_header: z.string().max(AUTH_HEADER_LIMITS.characters).optional(),
    skip_cert_verify: z.boolean().optional(),
  })
  .superRefine((target, context) => {
    const problem = webhookAddressProblem(target.address, target.address_type);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['address'] });
    if (!target.auth_header) return;
    const parsed = parseAuthHeader(target.auth_header);
    if ('problem' in parsed) {
      context.addIssue({
        code: 'custom',
        message: withoutQuotedSecrets(parsed.problem, headerSecrets(target.auth_header)),
        path: ['auth_header'],
      });
      return;
    }
    const masked = parsed.headers.filter(([, value]) => value === MASKED_HEADER_VALUE);
    if (masked.length > 0)
      context.addIssue({
        code: 'custom',
        message: `SWR keeps the value of ${masked.map(([name]) => name).join(', ')} and never shows it, so it cannot be sent from here: type the value, or leave the header out.`,
        path: ['auth_header'],
      });
  });

export const webhookTestBody = z.object({
  target: webhookTestTarget,
  /** The Enterprise namespace the sample event says the image was pushed to. */
  namespace: z
    .string()
    .max(64, 'A namespace name is at most 64 characters.')
    .regex(ENTERPRISE_NAME_PATTERN, 'Not a namespace name.'),
});

/**
 * How the receiver took the test event. `ok`: it answered 2xx. The excerpt is the start of its
 * answer (at most 2 KB of UTF-8), with the header values of the request written as `*****`.
 */
export const webhookTestResult = z.object({
  ok: z.boolean(),
  status_code: z.number().int().min(100).max(599).optional(),
  response_excerpt: z.string(),
  /** Why the exchange did not complete: timed out, connection refused, a redirect… */
  error: z.string().optional(),
  duration_ms: z.number().int().nonnegative(),
  /** The event's `X-Swr-Delivery`, to find it in the receiver's log. */
  delivery_id: z.uuid(),
});
