/** The answers of the help page, by the anchor a page links to. */
export type HelpTopic =
  'x509' | 'denied' | 'sync-admin' | 'sync-existing' | 'expired' | 'not-empty' | 'undo';

/** Where a page links for one answer; `repository` (namespace/name) lets the answer act on it. */
export function helpLink(region: string, topic: HelpTopic, repository?: string): string {
  return `/${region}/help${repository ? `?repository=${encodeURIComponent(repository)}` : ''}#${topic}`;
}
