/** English; `messages.zh.ts` has every key in Chinese (the compiler checks), loaded only in Chinese. */
export const permissionMessages = {
  'permissions.title': 'Permissions',
  'permissions.intro.namespace':
    'Who may pull, push and manage the repositories of organization {name}. A grant here applies to every repository in it.',
  'permissions.intro.repository': 'Who may pull, push and manage the repository {name}.',
  'permissions.repository.note':
    'Grants on the organization {namespace} apply here as well: a user’s effective permission is the higher of the organization’s and the repository’s.',
  'permissions.readOnly':
    'Only users with the Manage permission here, and the account’s administrators, can change permissions.',
  'permissions.levels': 'What each level allows',
  'permissions.level': 'Permission',
  'permissions.level.1': 'Read',
  'permissions.level.3': 'Edit',
  'permissions.level.7': 'Manage',
  'permissions.levelHelp.1': 'Pull images.',
  'permissions.levelHelp.3': 'Pull and push images.',
  'permissions.levelHelp.7': 'Pull and push, and also delete, grant permissions and share.',
  'permissions.levelCan.1': 'pull images',
  'permissions.levelCan.3': 'pull or push images',
  'permissions.levelCan.7': 'pull, push or delete images, grant permissions or share',
  'permissions.levelOf': 'Permission of {user}',
  'permissions.user': 'User',
  'permissions.userId': 'User ID',
  'permissions.userIdOf': 'the user ID of {user}',
  'permissions.you': 'You',
  'permissions.empty': 'Nobody has been granted a permission here yet.',
  'permissions.changed': '{user} now has the {level} permission on {target}',
  'permissions.target.namespace': 'organization {name}',
  'permissions.target.repository': 'repository {name}',
  'permissions.revoke': 'Revoke',
  'permissions.revoke.label': 'Revoke the permission of {user}',
  'permissions.revoke.title': 'Revoke the permission of {user}?',
  'permissions.revoke.what':
    '{user} ({id}) loses the {level} permission on {target} and can no longer {can} there.',
  'permissions.revoke.keepsNamespace':
    'A permission they hold on the organization {namespace} still applies to this repository.',
  'permissions.revoke.keepsRepositories':
    'Permissions granted to them on single repositories of this organization stay.',
  'permissions.revoked': '{user} no longer has a permission on {target}',
  'permissions.grant': 'Grant permission',
  'permissions.grant.title': 'Grant a permission on {target}',
  'permissions.grant.users': 'Users',
  'permissions.grant.users.help':
    'IAM users of the account; you and users who already hold a permission here are not listed.',
  'permissions.grant.users.required': 'Pick at least one user.',
  'permissions.grant.users.none': 'No other user to grant to.',
  'permissions.grant.typeIn': 'Only administrators can list the account’s users',
  'permissions.grant.typeIn.help':
    'Type the user’s ID and name instead. The user finds both in the console’s account menu, or an administrator in IAM.',
  'permissions.grant.listFailed':
    'The user list is not available; type the user’s ID and name instead.',
  'permissions.grant.userId': 'User ID',
  'permissions.grant.userId.help': 'The IAM user ID, for example 0a1b2c3d4e5f60718293a4b5c6d7e8f9.',
  'permissions.grant.userId.required': 'Type the user ID.',
  'permissions.grant.userId.spaces': 'A user ID has no spaces.',
  'permissions.grant.self': 'That is you: nobody can change their own permission.',
  'permissions.grant.held':
    'This user already has a permission here; change its level in the table instead.',
  'permissions.grant.userName': 'User name',
  'permissions.grant.userName.help': 'The IAM user name that goes with the ID.',
  'permissions.grant.userName.required': 'Type the user name.',
  'permissions.grant.exists':
    'The user already has a permission here. Change its level in the table instead of granting again.',
  'permissions.grant.submit': 'Grant',
  'permissions.granted': '{users}: {level} permission on {target} granted',
} as const;
