/** English; `messages.zh.ts` has every key in Chinese (the compiler checks), loaded only in Chinese. */
export const signInMessages = {
  'signIn.title': 'Sign in to SWR Console',
  'signIn.subtitle': 'Your keys stay on the console’s server; the browser never sees them.',
  'signIn.tab.accessKey': 'Access key',
  'signIn.tab.password': 'IAM user',
  'signIn.accessKey': 'Access key ID (AK)',
  'signIn.secretKey': 'Secret access key (SK)',
  'signIn.projectId': 'Project ID (optional)',
  'signIn.projectId.help': 'Limits this session to that project’s region.',
  'signIn.accountName': 'Account name',
  'signIn.userName': 'IAM user name',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.required': 'Enter {field}.',
  'signIn.failed': 'The credentials were not accepted. Check them and try again.',
  'signIn.limited': 'Too many attempts. Wait a few minutes before trying again.',
  'signIn.sandbox.title': 'Local sandbox',
  'signIn.sandbox.text':
    'This console runs against swr-local. Sign in as one of its demo users with one click.',
  'signIn.sandbox.as': 'Sign in as {user}',
  'signIn.sandbox.admin': 'administrator',
  'signIn.sandbox.member': 'IAM user',
} as const;
