import { ApiError } from '@swr-console/swr-api';

/** The console server's own codes, said in the user's language. */
const SERVER_CODES: Record<string, string> = {
  TOO_MANY_CALLS: 'error.tooManyCalls',
  BUSY: 'error.busy',
  UPSTREAM_TIMEOUT: 'error.upstreamTimeout',
  UPSTREAM_UNREACHABLE: 'error.upstreamDown',
  UPSTREAM_INCOMPLETE: 'error.upstreamDown',
  UPSTREAM_RESET: 'error.upstreamReset',
};

/** The user's words for an error, with SWR's code and the request id kept visible for support. */
export function explain(error: unknown, t: (key: string) => string): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.status === 0) return t('error.network');
  if (error.status === 401) return t('error.signIn');
  if (error.status === 403 && !error.message) return t('error.forbidden');
  if (error.status === 404 && !error.message) return t('error.notFound');
  const known = error.code !== undefined ? SERVER_CODES[error.code] : undefined;
  return known ? t(known) : error.message;
}
