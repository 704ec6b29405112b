/** English; `messages.zh.ts` has every key in Chinese (the compiler checks), loaded only in Chinese. */
export const overviewMessages = {
  'overview.title': 'Overview',
  'overview.intro':
    'Your account in {region}: what it holds, and what sync and retention did lately.',
  'overview.namespaces': 'Organizations of the quota',
  'overview.quota': '{used} of {limit} organizations used',
  'overview.repositories': 'Repositories',
  'overview.images': 'Images (tags)',
  'overview.storage': 'Storage',
  'overview.activity.scope':
    'Recent activity of the {count} most recently updated repositories; each links to where it happened.',
  'overview.activity.unread':
    'The activity of {count} repositories could not be read; they are left out.',
  'overview.sync': 'Recent sync jobs',
  'overview.sync.empty': 'No sync job lately.',
  'overview.retention': 'Recent retention runs',
  'overview.retention.empty': 'No retention run deleted anything lately.',
  'overview.repository': 'Repository',
  'overview.tag': 'Tag',
  'overview.target': 'Target',
  'overview.status': 'Status',
  'overview.time': 'Time',
  'overview.deleted': 'Deleted',
  'overview.deleted.count': '{count} tags',
  'overview.status.waiting': 'Waiting',
  'overview.status.running': 'Running',
  'overview.status.success': 'Copied',
  'overview.status.existed': 'Already there',
  'overview.status.failed': 'Failed',
  'overview.status.timeout': 'Timed out',
  'overview.status.cancel': 'Cancelled',
} as const;
