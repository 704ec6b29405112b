/**
 * What the console offers its end-to-end tests (`@swr-console/web/testing`): its messages, so a
 * journey finds controls by the words users read, in either language.
 */
export { catalogs } from './catalogs';
export { interpolate, type Locale } from '../shared/i18n';
