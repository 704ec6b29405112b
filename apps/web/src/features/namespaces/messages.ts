/** English; `messages.zh.ts` has every key in Chinese (the compiler checks), loaded only in Chinese. */
export const namespaceMessages = {
  'namespaces.title': 'Organizations',
  'namespaces.intro':
    'Organizations group repositories and hold permissions. Names are unique in a region across all accounts.',
  'namespaces.filter': 'Filter organizations by name',
  'namespaces.name': 'Name',
  'namespaces.auth': 'Your permission',
  'namespaces.repos': 'Repositories',
  'namespaces.users': 'Users with access',
  'namespaces.creator': 'Created by',
  'namespaces.empty': 'No organizations yet.',
  'namespaces.quota': '{used} of {limit} organizations used in this region',
  'namespaces.quota.full':
    'The account has reached its quota of {limit} organizations in this region. Delete one, or ask for more quota.',
  'namespaces.create': 'Create organization',
  'namespaces.create.title': 'Create an organization',
  'namespaces.create.adminOnly': 'Only the account or its administrators can create organizations.',
  'namespaces.create.rules':
    '1–64 characters: lower-case letters, digits and single ".", "_", "__" or "-" between them; starts with a letter, ends with a letter or digit.',
  'namespaces.create.taken':
    'That name is taken in this region (perhaps by another account). Choose another.',
  'namespaces.created': 'Organization {name} created',
  'namespaces.delete': 'Delete {name}',
  'namespaces.delete.title': 'Delete organization {name}?',
  'namespaces.delete.confirm':
    'The organization {name} is deleted. You can undo it for a few seconds; after that it cannot be undone.',
  'namespaces.delete.notEmpty':
    '{name} still holds {count} repositories. SWR deletes only empty organizations: delete its repositories first.',
  'namespaces.deleted': 'Organization {name} deleted',
  'namespaces.auth.7': 'Manage',
  'namespaces.auth.3': 'Edit',
  'namespaces.auth.1': 'Read',
  'namespace.title': 'Organization {name}',
  'namespace.repositories': 'Show its repositories',
} as const;
