/** English messages of the long-term credentials page; `credentials-messages.zh.ts` has each in Chinese. */
export const credentialMessages = {
  'cred.title': 'Long-term credentials',
  'cred.back': 'Back to the instance',
  'cred.intro':
    'Docker logins that do not expire, for CI and servers. Each logs in with the rights of the user who created it, at this instance’s registry only. Its secret is shown once, when it is created.',
  'cred.quota': 'The instance holds {count} of its {quota} long-term credentials.',
  'cred.everyone': 'Everyone’s credentials',
  'cred.create': 'Create credential',
  'cred.empty.mine': 'You have no long-term credential here yet.',
  'cred.empty.everyone': 'The instance has no long-term credential yet.',
  'cred.name': 'Name',
  'cred.user': 'Login user name',
  'cred.state': 'State',
  'cred.enabled': 'Enabled',
  'cred.disabled': 'Disabled',
  'cred.created': 'Created',
  'cred.lastUsed': 'Last used',
  'cred.profile': 'What it can do',
  'cred.neverUsed': 'Never used',
  'cred.notReported': 'Not reported',
  'cred.lastUsed.local':
    'Last used: recorded by this sandbox at each docker login with the credential. SWR itself does not report when a credential was last used.',
  'cred.lastUsed.cloud':
    'SWR does not report when a credential was last used, so the console cannot show it.',
  'cred.enable': 'Enable',
  'cred.disable': 'Disable',
  'cred.enableOf': 'Enable {name}',
  'cred.disableOf': 'Disable {name}',
  'cred.deleteOf': 'Delete {name}',
  'cred.recent': 'Used {ago}: registries and CI logging in with it will be refused.',
  'cred.disable.title': 'Disable credential {name}?',
  'cred.disable.text':
    'Logins with {name} ({user}) will be refused until it is enabled again. The credential and its secret stay.',
  'cred.delete.title': 'Delete credential {name}?',
  'cred.delete.text':
    'Credential {name} ({user}) goes for good: logins with it will be refused, and its secret cannot be used again.',
  'cred.deleted': 'Credential {name} deleted',
  'cred.create.title': 'Create a long-term credential',
  'cred.create.intro':
    'It logs in with your rights at this instance’s registry until it is disabled or deleted.',
  'cred.create.rules':
    '1–64 lower-case letters and digits, with single ".", "_" or "-" between them.',
  'cred.create.taken': 'You have a credential named {name} already.',
  'cred.secret.title': 'Credential {name} created',
  'cred.secret.once':
    'Copy the secret now: it is shown this once and cannot be shown again. If it is lost, delete the credential and create another.',
  'cred.secret.user': 'Login user name',
  'cred.secret.secret': 'Secret',
  'cred.secret.command': 'Docker login',
  'cred.secret.what.user': 'the login user name',
  'cred.secret.what.secret': 'the secret',
  'cred.secret.what.command': 'the docker login command',
} as const;
