/**
 * The help's answers in English; `content.zh.ts` has every key in Chinese (the compiler checks).
 * Both load with the help page only, not with the console's catalogs that every page loads.
 */
export const helpMessages = {
  'help.title': 'Help',
  'help.intro': 'Answers to what SWR’s users ask most, and to the errors the console explains.',
  'help.search': 'Search the help',
  'help.nothing': 'No answer mentions that. Try another word.',
  'help.open': 'Help: {topic}',
  'help.x509.title': 'docker login says “x509: certificate signed by unknown authority”',
  'help.x509.body':
    'The machine running docker does not trust the certificate the registry presents: a company proxy that inspects TLS, a private certificate authority, or a registry address that is not the one the certificate names.\n\nInstall your company’s CA certificate for docker (/etc/docker/certs.d/<registry>/ca.crt) or containerd (certs.d/<registry>/hosts.toml), and use the registry address exactly as the login command gives it. The login command page shows the commands for your registry.',
  'help.denied.title': 'A push says “denied: you do not have the permission”',
  'help.denied.body':
    'The login worked, but your user may not write to that organization or repository. Pushing needs the edit or manage permission on the organization or the repository (read is enough to pull). An account administrator grants it on the organization’s or repository’s permissions tab.\n\nAlso check the organization in the image name: it must exist in this region, with the same spelling.',
  'help.syncAdmin.title': 'Why can’t I set up image sync?',
  'help.syncAdmin.body':
    'Only the account itself and IAM users with administrator rights (the admin group, or SWR Admin / Tenant Administrator) can set up or delete automatic sync and sync images by hand. SWR refuses everyone else, however much permission they hold on the repository.\n\nAsk an administrator of your account to set up the sync, or to give you administrator rights.',
  'help.syncAdmin.you': 'You are signed in as {user} of the account {account}.',
  'help.syncAdmin.admin': 'You are an administrator: you can set up sync.',
  'help.syncAdmin.notAdmin':
    'You are not an administrator: ask one of your account’s administrators.',
  'help.syncExisting.title': 'Why were existing images not synced automatically?',
  'help.syncExisting.body':
    'Automatic sync copies only what is pushed after the task exists (and later pushes of the same tags). Images that were in the repository before are not copied by it.\n\nTo copy them, sync them by hand: choose the tags on the repository’s sync tab (“Sync now”), or let the console do it when you set up the automatic sync (it offers to copy what exists).',
  'help.syncExisting.copy': 'Copy the existing images of {repository} now',
  'help.expired.title': 'docker says “unauthorized: authentication required”',
  'help.expired.body':
    'The login docker holds no longer works: temporary logins end after the time you chose (at most 24 hours), and a long-term login stops working when the access key it was made from is deleted or disabled. Get a new login command and run it again.',
  'help.notEmpty.title': 'Why can’t I delete an organization?',
  'help.notEmpty.body':
    'SWR deletes only empty organizations. Delete its repositories first (each with its tags); the organization’s page lists them.',
  'help.undo.title': 'Can I take back a deletion?',
  'help.undo.body':
    'Yes, for a few seconds. Every deletion you ask for in the console waits 10 seconds (your administrator may set another time) before it reaches SWR. Meanwhile a bar at the bottom of the page counts down with an Undo button, and the item shows “Deleting in 8 s” with Undo where it is listed. Closing the tab does not stop or skip it: the console’s server sends it when the time is over.',
} as const;
