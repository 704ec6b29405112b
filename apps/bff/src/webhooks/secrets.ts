import { MASKED_HEADER_VALUE } from '@swr-console/contracts/bff';
import { headerSecrets } from '@swr-console/contracts/bff/schemas';

/**
 * What a test's answer must not show: the header values of the request, as a receiver could send
 * them back (raw, or inside a JSON string, escaped). Values under 4 characters ("1", "ok") cannot
 * be told from the answer's own text and are no secret worth garbling it; longest first, so a
 * value that contains another is hidden whole.
 */
export function answerSecrets(authHeader: string | undefined): string[] {
  const values = headerSecrets(authHeader ?? '').filter((value) => value.length >= 4);
  const forms = values.flatMap((value) => [value, JSON.stringify(value).slice(1, -1)]);
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** `text` with every secret written as `*****`. */
export function redacted(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join(MASKED_HEADER_VALUE), text);
}
