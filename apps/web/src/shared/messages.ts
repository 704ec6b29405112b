/** Words every page uses. English here; `messages.zh.ts` has every key in Chinese. */
export const sharedMessages = {
  'common.copy': 'Copy {what}',
  'common.copied': 'Copied {what} to the clipboard',
  'common.copyFailed': 'The browser did not allow copying; select the text and copy it yourself.',
  'common.cancel': 'Cancel',
  'common.delete': 'Delete',
  'common.create': 'Create',
  'common.save': 'Save',
  'common.edit': 'Edit',
  'common.refresh': 'Refresh',
  'common.close': 'Close',
  'common.actions': 'Actions',
  'common.loading': 'Loading…',
  'common.total': '{total} in all',
  'error.title': 'This did not work',
  'error.code': 'Error code',
  'error.requestId': 'Request ID',
  'error.network': 'The console could not reach its server. Check your connection and try again.',
  'error.signIn': 'Your session has ended. Sign in again.',
  'error.forbidden':
    'You do not have the permission for this. An administrator of the account, or someone with the manage permission, can grant it.',
  'error.notFound': 'It does not exist (any more), or it belongs to another account.',
  'error.retry': 'Try again',
  'error.unexpected': 'Something went wrong while showing this page.',
  'error.tooManyCalls':
    'Too many calls from this session are running at once. Wait a moment, or close other tabs of the console, and try again.',
  'error.busy': 'The console is busy with many calls right now. Try again in a few seconds.',
  'error.upstreamTimeout':
    'SWR did not answer in time. Try again; if it keeps happening, SWR may be slow or unavailable.',
  'error.upstreamDown': 'SWR could not be reached, or its answer broke off. Try again shortly.',
  'error.upstreamReset':
    'SWR closed the connection before answering. The change was not sent again: check whether it took effect before you repeat it.',
  'name.empty': 'Enter a name.',
  'name.tooLong': 'This is {length} characters long; at most {max} are allowed.',
  'name.uppercase': 'Capital letters are not allowed: use lower-case letters.',
  'name.character': '“{character}” is not allowed: use a–z, 0–9 and . _ -',
  'name.character.repository':
    '“{character}” is not allowed: use a–z, 0–9, . _ - and / between parts.',
  'name.start.letter': 'It must start with a letter (a–z).',
  'name.start': 'It must start with a letter or a digit (also after each /).',
  'name.end': 'It must end with a letter or a digit (also before each /).',
  'name.separators':
    '“{separators}” is not allowed: separators cannot stand together (only __ and runs of - can).',
  'name.separators.single':
    '“{separators}” is not allowed: put a single . _ or - between letters and digits.',
  'name.emptyPart': 'A / needs a name on each side.',
  'name.pattern': 'This name does not follow the rules below.',
} as const;
