/** English; `messages.zh.ts` has every key in Chinese (the compiler checks), loaded only in Chinese. */
export const storageMessages = {
  'storage.title': 'Storage',
  'storage.intro':
    'Where the storage of {region} goes: each repository’s layers, every layer counted once however many tags use it, and how much of it tags share (deleting one of them frees none of that).',
  'storage.filter.namespace': 'Organization',
  'storage.filter.namespace.all': 'All organizations',
  'storage.filter.name': 'Repository name',
  'storage.summary':
    'All {total} repositories read: {bytes} of layers, of which {shared} shared between tags.',
  'storage.progress': 'Read {read} of {total} repositories…',
  'storage.progress.label': 'Repositories read',
  'storage.treemap': 'Storage by organization and repository, each box as large as its layers',
  'storage.table': 'Repositories by storage',
  'storage.empty': 'No repository matches.',
  'storage.repository': 'Repository',
  'storage.tags': 'Tags',
  'storage.images': 'Images',
  'storage.bytes': 'Storage',
  'storage.exact': '{bytes} bytes',
  'storage.shared': 'Shared between tags',
  'storage.share': 'Of the total',
  'storage.failed': 'Could not be read: {problem}',
  'storage.tooMany': 'Too many tags to read',
} as const;
