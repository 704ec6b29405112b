import { MASKED_HEADER_VALUE } from '@swr-console/contracts/bff';
import {
  parseAuthHeader,
  type WebhookAddressType,
  type WebhookBody,
  type WebhookPolicy,
} from '@swr-console/swr-api';

/**
 * The webhook dialog's form and what it becomes: SWR's body. Apart from the form's checks
 * (`webhook-form.ts`), so the list, which only switches webhooks on and off, loads none of them.
 */

/** The contract's MAX_WEBHOOK_TARGETS (its schema module is not loaded in the browser). */
export const MAX_TARGETS = 5;
export const MAX_RULES = 20;
export const NAME_MAX = 256;
export const DESCRIPTION_MAX = 1024;

export interface TargetForm {
  address: string;
  addressType: WebhookAddressType;
  /** `name:value;name:value`; a stored target's values arrive as `*****` (kept when sent so). */
  authHeader: string;
  skipCertVerify: boolean;
  /** The header names SWR holds a value for (a stored target's): `*****` keeps those. */
  kept: readonly string[];
  /** Saved already: its address cannot change (SWR does not allow it). */
  stored: boolean;
}

export interface RuleForm {
  repository: string;
  decoration: 'matches' | 'excludes';
  tag: string;
}

export interface WebhookForm {
  name: string;
  description: string;
  enabled: boolean;
  targets: TargetForm[];
  rules: RuleForm[];
}

export const emptyTarget = (): TargetForm => ({
  address: '',
  addressType: 'internal',
  authHeader: '',
  skipCertVerify: false,
  kept: [],
  stored: false,
});

export const emptyRule = (): RuleForm => ({ repository: '**', decoration: 'matches', tag: '**' });

export const emptyWebhook = (): WebhookForm => ({
  name: '',
  description: '',
  enabled: true,
  targets: [emptyTarget()],
  rules: [emptyRule()],
});

/** The header names of `name:value;…` (those that parse), lower-cased. */
function headerNames(authHeader: string): string[] {
  const parsed = parseAuthHeader(authHeader);
  return 'problem' in parsed ? [] : parsed.headers.map(([name]) => name.toLowerCase());
}

export function fromWebhook(webhook: WebhookPolicy): WebhookForm {
  return {
    name: webhook.name,
    description: webhook.description,
    enabled: webhook.enabled,
    targets: webhook.targets.map((target) => ({
      address: target.address,
      addressType: target.address_type === 'internet' ? 'internet' : 'internal',
      authHeader: target.auth_header ?? '',
      skipCertVerify: target.skip_cert_verify ?? false,
      kept: headerNames(target.auth_header ?? ''),
      stored: true,
    })),
    rules: webhook.scope_rules.map((rule) => {
      const tag = rule.tag_selectors[0];
      return {
        repository: rule.scope_selectors.repository[0]?.pattern ?? '**',
        decoration: tag?.decoration === 'excludes' ? 'excludes' : 'matches',
        tag: tag?.pattern ?? '**',
      };
    }),
  };
}

/** SWR's body: a `*****` value of a stored header goes as it is, which tells SWR to keep it. */
export function toBody(form: WebhookForm): WebhookBody {
  return {
    name: form.name.trim(),
    description: form.description,
    enabled: form.enabled,
    event_types: ['PUSH_ARTIFACT'],
    targets: form.targets.map((target) => ({
      type: 'http',
      address: target.address.trim(),
      address_type: target.addressType,
      ...(target.authHeader.trim() === '' ? {} : { auth_header: target.authHeader.trim() }),
      skip_cert_verify: target.skipCertVerify,
    })),
    scope_rules: form.rules.map((rule) => ({
      repo_scope_mode: 'regular',
      scope_selectors: {
        repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: rule.repository }],
      },
      tag_selectors: [{ kind: 'doublestar', decoration: rule.decoration, pattern: rule.tag }],
    })),
  };
}

/** The headers of a target whose value is `*****`, by name as typed. */
export function maskedHeaders(authHeader: string): string[] {
  const parsed = parseAuthHeader(authHeader);
  if ('problem' in parsed) return [];
  return parsed.headers.filter(([, value]) => value === MASKED_HEADER_VALUE).map(([name]) => name);
}

/** The headers without those whose value is `*****` (which the console cannot send). */
export function withoutMasked(authHeader: string): string {
  return authHeader
    .split(';')
    .filter((entry) => {
      const colon = entry.indexOf(':');
      return colon < 0 || entry.slice(colon + 1).trim() !== MASKED_HEADER_VALUE;
    })
    .join(';')
    .trim();
}
