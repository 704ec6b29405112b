/**
 * How long a deleted thing may still be listed: the e2e stack holds deletions 3 s for undo
 * (playwright.config.ts), then the list polls and refreshes.
 */
export const GONE = { timeout: 15_000 };
