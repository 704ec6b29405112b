import type { Translation } from '../../shared/i18n';
import type { loginCommandMessages } from './messages';

export const loginCommandMessagesZh: Translation<typeof loginCommandMessages> = {
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
  'loginCommand.trouble.more': '更多解答：登录失效、同步、删除…',
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
};
