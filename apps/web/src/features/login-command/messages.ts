/** English; `messages.zh.ts` has every key in Chinese (the compiler checks), loaded only in Chinese. */
export const loginCommandMessages = {
  'loginCommand.title': 'Login command',
  'loginCommand.intro':
    'Log docker, nerdctl or containerd in to a region’s registry to push and pull images. The console issues a login only when you ask and does not keep it.',
  'loginCommand.region': 'Region',
  'loginCommand.kind': 'Kind of login',
  'loginCommand.kind.temporary': 'Temporary',
  'loginCommand.kind.temporary.help': 'expires after the time you choose.',
  'loginCommand.kind.longTerm': 'Long-term',
  'loginCommand.kind.longTerm.help': 'never expires; derived from your access key.',
  'loginCommand.kind.longTerm.needsAccessKey':
    'You signed in with a password, so there is no access key to derive a long-term login from. Sign in with an access key to get one, or use a temporary login.',
  'loginCommand.duration': 'Valid for',
  'loginCommand.duration.help': 'After this the login stops working; get a new command then.',
  'loginCommand.duration.900': '15 minutes',
  'loginCommand.duration.3600': '1 hour',
  'loginCommand.duration.21600': '6 hours',
  'loginCommand.duration.43200': '12 hours',
  'loginCommand.duration.86400': '24 hours',
  'loginCommand.get': 'Get login command',
  'loginCommand.result.title': 'Your login command',
  'loginCommand.secret.title': 'These commands contain a secret',
  'loginCommand.secret.text':
    'Anyone who has them can push and pull as you. Do not paste them into tickets, chats or shared documents; run them yourself.',
  'loginCommand.registry': 'Registry',
  'loginCommand.registry.what': 'the registry host',
  'loginCommand.username': 'User name',
  'loginCommand.username.what': 'the user name',
  'loginCommand.expires': 'Expires',
  'loginCommand.expires.never': 'Never (until the access key is deleted)',
  'loginCommand.expires.unknown': 'Not reported',
  'loginCommand.password.show': 'Show password',
  'loginCommand.password.hide': 'Hide password',
  'loginCommand.client.docker': 'Docker',
  'loginCommand.client.nerdctl': 'nerdctl',
  'loginCommand.client.ctr': 'ctr (containerd)',
  'loginCommand.client.ctr.help':
    'ctr has no login: the credentials go with each pull or push. Replace the image address with yours.',
  'loginCommand.command.what': 'the {client} command',
  'loginCommand.trouble.more': 'More answers: expired logins, sync, deletions…',
  'loginCommand.trouble.title': 'Troubleshooting',
  'loginCommand.trouble.causes': 'Causes',
  'loginCommand.trouble.fixes': 'Fixes, the best first',
  'loginCommand.trouble.fix': 'Fix:',
  'loginCommand.x509.summary': 'Your client does not trust the registry’s TLS certificate.',
  'loginCommand.x509.local.title': 'The local sandbox speaks plain HTTP',
  'loginCommand.x509.local.text':
    'Its registry {registry} has no TLS at all. Docker needs it in "insecure-registries" in /etc/docker/daemon.json (see below; Docker already allows localhost and 127.0.0.1). The nerdctl and ctr commands shown already carry --insecure-registry and --plain-http.',
  'loginCommand.x509.cause.privateCa':
    'The certificate is self-signed or issued by a private certificate authority your machine does not know.',
  'loginCommand.x509.cause.proxy':
    'A proxy on your network intercepts HTTPS and re-signs it with its own certificate.',
  'loginCommand.x509.cause.host':
    'The host name is wrong: the certificate is for another name than the one you typed.',
  'loginCommand.x509.fix.ca':
    'Install the certificate of the authority that signed the registry’s certificate (ask your network or security team for ca.crt), then log in again:',
  'loginCommand.x509.fix.ca.os':
    'Or add it to the operating system’s trust store (update-ca-certificates on Debian and Ubuntu, update-ca-trust on Red Hat) and restart Docker.',
  'loginCommand.x509.fix.containerd':
    'For containerd (nerdctl, ctr), put the certificate next to a host configuration in {path}:',
  'loginCommand.x509.fix.containerd.ctr':
    'nerdctl reads /etc/containerd/certs.d by itself; ctr only with --hosts-dir /etc/containerd/certs.d.',
  'loginCommand.x509.fix.insecure':
    'Only for a test registry, never in production: turn the check off. For Docker, then restart it:',
  'loginCommand.x509.fix.insecure.others':
    'nerdctl: add --insecure-registry. ctr: add --skip-verify (HTTPS with an untrusted certificate) or --plain-http (a registry without TLS).',
  'loginCommand.x509.fix.host':
    'In every case, check that the registry host is exactly {registry}, as shown above, with no typo, other port or other address.',
  'loginCommand.denied.summary': 'The registry refused your push.',
  'loginCommand.denied.intro':
    'The login itself worked; the push was refused. One of these is the reason:',
  'loginCommand.denied.taken':
    'Another account already owns the organization name in this region. Organization names are unique in a region across all accounts.',
  'loginCommand.denied.taken.fix':
    'Create your own organization with another name first, then tag the image with it and push again.',
  'loginCommand.denied.openNamespaces': 'Open Organizations',
  'loginCommand.denied.quota':
    'Your account already has its quota of 5 organizations, and the push named one that does not exist yet (a push creates a missing organization only within the quota).',
  'loginCommand.denied.quota.fix':
    'Push into one of your existing organizations, delete an organization you no longer use, or ask for a higher quota.',
  'loginCommand.denied.grant':
    'The login used an IAM user’s key, and that user has neither the Edit nor the Manage permission on the organization or the repository.',
  'loginCommand.denied.grant.fix':
    'Ask an administrator, or someone with the Manage permission, to grant Edit in the Permissions tab of the organization or the repository; then push again (no new login needed).',
  'loginCommand.denied.region':
    'The login command is for another region than the one you push to. Each region has its own registry and its own logins.',
  'loginCommand.denied.region.fix':
    'Pick the target’s region above and get its command. For {region}, the image address must start with {registry}.',
} as const;
