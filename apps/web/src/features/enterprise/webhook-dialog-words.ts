/**
 * English words of the webhook dialog, which load with the dialog rather than with the catalogs
 * every page loads (the sign-in page's budget); `webhook-dialog-words.zh.ts` has each in Chinese.
 */
export const webhookDialogWords = {
  'wh.saved': 'Webhook {name} saved.',
  'wh.description': 'Description',
  'wh.addressType.internal.help': 'A private-network IP address.',
  'wh.addressType.internet.help': 'A public host name or IP address.',
  'wh.form.nameHelp': 'Letters, digits, Chinese characters, "_" and "-"; unique in the namespace.',
  'wh.form.nameMissing': 'Enter a name.',
  'wh.form.nameLong': 'At most {max} characters.',
  'wh.form.nameRules': 'Use letters, digits, Chinese characters, "_" and "-".',
  'wh.form.nameTaken': 'The namespace already has a webhook named {name}.',
  'wh.form.descriptionLong': 'At most {max} characters.',
  'wh.form.patternMissing': 'Enter a pattern (** for all).',
  'wh.form.addressTwice': 'Another target calls this address.',
  'wh.form.maskedUnknown': 'SWR holds no value of {names} to keep: type it instead of {masked}.',
  'wh.form.enabled': 'Enabled',
  'wh.form.event': 'Event: an image is pushed (PUSH_ARTIFACT).',
  'wh.target.legend': 'Target {n}',
  'wh.target.address': 'Address',
  'wh.target.addressHelp': 'The http:// or https:// address each event is posted to.',
  'wh.target.addressFixed':
    'A saved target’s address cannot change (SWR does not allow it); add a target to call another.',
  'wh.target.addressType': 'Address type',
  'wh.target.header': 'Headers',
  'wh.target.headerHelp':
    'Optional name:value pairs separated by ";", sent with each event; they also key its signature.',
  'wh.target.headerKept': 'Values shown as ***** are kept; type over one to replace it.',
  'wh.target.skipCert': 'Skip certificate verification',
  'wh.target.remove': 'Remove target {n}',
  'wh.target.removeLast': 'A webhook needs a target.',
  'wh.target.removeStored': 'Saved targets keep their places: remove from the end.',
  'wh.target.add': 'Add a target ({count} of {max})',
  'wh.rules': 'Which pushes',
  'wh.rules.help':
    'A pushed tag that a rule selects sends an event. * matches within a name part, ** across.',
  'wh.rules.repository': 'Repositories of rule {n}',
  'wh.rules.decoration': 'Tags of rule {n}',
  'wh.rules.matches': 'matching',
  'wh.rules.excludes': 'not matching',
  'wh.rules.tag': 'Tag pattern of rule {n}',
  'wh.rules.remove': 'Remove rule {n}',
  'wh.rules.add': 'Add a rule',
  'wh.test.send': 'Send a test event',
  'wh.test.sendWithout': 'Send a test event without {names}',
  'wh.test.bySender':
    'Sent by the console’s server, not by SWR: from the console’s network, and not in the delivery history.',
  'wh.test.masked':
    'SWR never shows the values of {names}, so the console cannot send them: type them above, or send the test without them (and signed without them).',
  'wh.test.blocked': 'Correct the address and headers first.',
  'wh.test.result': 'Test event of {target}',
  'wh.test.ok': 'Received',
  'wh.test.failed': 'Not received',
  'wh.test.took': '{ms} ms · delivery {id}',
};
