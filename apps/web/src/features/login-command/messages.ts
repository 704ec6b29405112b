import { defineMessages } from '../../shared/i18n';

export const loginCommandMessages = defineMessages(
  {
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
  },
  {
    'loginCommand.title': '登录指令',
    'loginCommand.intro':
      '让 docker、nerdctl 或 containerd 登录到某个区域的镜像中心，以便上传和下载镜像。控制台只在您请求时生成登录指令，且不会保存。',
    'loginCommand.region': '区域',
    'loginCommand.kind': '登录指令类型',
    'loginCommand.kind.temporary': '临时',
    'loginCommand.kind.temporary.help': '在您选择的时长后失效。',
    'loginCommand.kind.longTerm': '长期',
    'loginCommand.kind.longTerm.help': '永不过期，由您的访问密钥生成。',
    'loginCommand.kind.longTerm.needsAccessKey':
      '您是用密码登录的，没有可用于生成长期登录指令的访问密钥。如需长期指令，请用访问密钥登录；也可以使用临时指令。',
    'loginCommand.duration': '有效期',
    'loginCommand.duration.help': '到期后登录失效，届时请重新获取指令。',
    'loginCommand.duration.900': '15 分钟',
    'loginCommand.duration.3600': '1 小时',
    'loginCommand.duration.21600': '6 小时',
    'loginCommand.duration.43200': '12 小时',
    'loginCommand.duration.86400': '24 小时',
    'loginCommand.get': '获取登录指令',
    'loginCommand.result.title': '您的登录指令',
    'loginCommand.secret.title': '这些指令包含密钥',
    'loginCommand.secret.text':
      '拿到指令的人可以以您的身份上传和下载镜像。请勿将其粘贴到工单、聊天或共享文档中，请自己执行。',
    'loginCommand.registry': '镜像中心',
    'loginCommand.registry.what': '镜像中心地址',
    'loginCommand.username': '用户名',
    'loginCommand.username.what': '用户名',
    'loginCommand.expires': '过期时间',
    'loginCommand.expires.never': '永不过期（直到访问密钥被删除）',
    'loginCommand.expires.unknown': '未提供',
    'loginCommand.password.show': '显示密码',
    'loginCommand.password.hide': '隐藏密码',
    'loginCommand.client.docker': 'Docker',
    'loginCommand.client.nerdctl': 'nerdctl',
    'loginCommand.client.ctr': 'ctr（containerd）',
    'loginCommand.client.ctr.help':
      'ctr 没有登录命令：每次下载或上传都要带上凭据。请把镜像地址换成您自己的。',
    'loginCommand.command.what': ' {client} 指令',
    'loginCommand.trouble.title': '问题排查',
    'loginCommand.trouble.causes': '原因',
    'loginCommand.trouble.fixes': '解决办法（按推荐程度排列）',
    'loginCommand.trouble.fix': '解决办法：',
    'loginCommand.x509.summary': '客户端不信任镜像中心的 TLS 证书。',
    'loginCommand.x509.local.title': '本地沙箱使用明文 HTTP',
    'loginCommand.x509.local.text':
      '其镜像中心 {registry} 没有 TLS。Docker 需要将其加入 /etc/docker/daemon.json 的 "insecure-registries"（见下文；localhost 和 127.0.0.1 Docker 默认允许）。上面显示的 nerdctl 和 ctr 指令已带有 --insecure-registry 和 --plain-http。',
    'loginCommand.x509.cause.privateCa': '证书是自签名的，或由您的机器不认识的私有证书机构签发。',
    'loginCommand.x509.cause.proxy': '网络中的代理拦截了 HTTPS，并用自己的证书重新签名。',
    'loginCommand.x509.cause.host': '主机名不对：证书签发给的名称与您输入的不同。',
    'loginCommand.x509.fix.ca':
      '安装签发镜像中心证书的证书机构的证书（向网络或安全团队索取 ca.crt），然后重新登录：',
    'loginCommand.x509.fix.ca.os':
      '或将其加入操作系统的信任库（Debian、Ubuntu 用 update-ca-certificates，Red Hat 用 update-ca-trust），然后重启 Docker。',
    'loginCommand.x509.fix.containerd':
      '对于 containerd（nerdctl、ctr），在 {path} 中为该主机配置证书：',
    'loginCommand.x509.fix.containerd.ctr':
      'nerdctl 会自动读取 /etc/containerd/certs.d；ctr 需要加上 --hosts-dir /etc/containerd/certs.d。',
    'loginCommand.x509.fix.insecure':
      '仅限测试用的镜像中心，切勿用于生产：关闭证书校验。Docker 配置后需重启：',
    'loginCommand.x509.fix.insecure.others':
      'nerdctl：加上 --insecure-registry。ctr：加上 --skip-verify（HTTPS 但证书不受信任）或 --plain-http（没有 TLS 的镜像中心）。',
    'loginCommand.x509.fix.host':
      '无论哪种情况，都请检查镜像中心地址与上面显示的 {registry} 完全一致，没有拼写错误，也没有换成其他端口或地址。',
    'loginCommand.denied.summary': '镜像中心拒绝了您的上传。',
    'loginCommand.denied.intro': '登录本身已成功，但上传被拒绝。原因是以下之一：',
    'loginCommand.denied.taken': '该组织名在本区域已被其他账号占用。组织名在同一区域内跨账号唯一。',
    'loginCommand.denied.taken.fix': '先用其他名称创建您自己的组织，再用它重新标记镜像并上传。',
    'loginCommand.denied.openNamespaces': '打开“组织”',
    'loginCommand.denied.quota':
      '账号已达 5 个组织的配额，而上传使用了一个尚不存在的组织名（上传只会在配额之内自动创建组织）。',
    'loginCommand.denied.quota.fix': '上传到已有的组织中，或删除不再使用的组织，或申请提升配额。',
    'loginCommand.denied.grant':
      '登录用的是某个 IAM 用户的密钥，而该用户在该组织或镜像仓库上既没有“编辑”也没有“管理”权限。',
    'loginCommand.denied.grant.fix':
      '请管理员或拥有“管理”权限的用户在组织或镜像仓库的“权限”页签中授予“编辑”权限，然后重新上传（无需重新登录）。',
    'loginCommand.denied.region':
      '登录指令所属的区域与上传的目标区域不同。每个区域有自己的镜像中心和登录凭据。',
    'loginCommand.denied.region.fix':
      '在上方选择目标区域并获取其登录指令。对于 {region}，镜像地址必须以 {registry} 开头。',
  },
);
