import type { Translation } from '../../shared/i18n';
import type { helpMessages } from './content';

export const helpMessagesZh: Translation<typeof helpMessages> = {
  'help.title': '帮助',
  'help.intro': 'SWR 用户最常问的问题，以及控制台解释过的错误。',
  'help.search': '搜索帮助',
  'help.nothing': '没有答案提到这个词。请换个词试试。',
  'help.open': '帮助：{topic}',
  'help.x509.title': 'docker login 提示“x509: certificate signed by unknown authority”',
  'help.x509.body':
    '运行 docker 的机器不信任镜像中心出示的证书：可能是检查 TLS 的公司代理、私有证书颁发机构，或镜像中心地址与证书中的名称不一致。\n\n为 docker（/etc/docker/certs.d/<镜像中心>/ca.crt）或 containerd（certs.d/<镜像中心>/hosts.toml）安装公司的 CA 证书，并完全按照登录指令给出的地址使用镜像中心。登录指令页面会给出适用于您的镜像中心的命令。',
  'help.denied.title': '上传时提示“denied: you do not have the permission”',
  'help.denied.body':
    '登录成功了，但您的用户不能写入该组织或镜像仓库。上传需要对组织或镜像仓库有编辑或管理权限（下载只需读取权限）。账号管理员可在组织或镜像仓库的权限页签中授予。\n\n另请检查镜像名称中的组织：它必须存在于本区域，且拼写一致。',
  'help.syncAdmin.title': '为什么我不能设置镜像同步？',
  'help.syncAdmin.body':
    '只有账号本身和具有管理员权限的 IAM 用户（admin 用户组，或 SWR Admin / Tenant Administrator）可以设置或删除自动同步、手动同步镜像。其他用户无论对镜像仓库有多大权限，SWR 都会拒绝。\n\n请让账号的管理员设置同步，或授予您管理员权限。',
  'help.syncAdmin.you': '您以账号 {account} 的 {user} 身份登录。',
  'help.syncAdmin.admin': '您是管理员：可以设置同步。',
  'help.syncAdmin.notAdmin': '您不是管理员：请联系账号的管理员。',
  'help.syncExisting.title': '为什么已有的镜像没有自动同步？',
  'help.syncExisting.body':
    '自动同步只复制任务创建之后上传的镜像（以及这些标签之后的更新）。此前已在镜像仓库中的镜像不会被它复制。\n\n要复制它们，请手动同步：在镜像仓库的同步页签中选择标签（“立即同步”），或在设置自动同步时让控制台复制已有镜像（它会提供此选项）。',
  'help.syncExisting.copy': '立即复制 {repository} 的已有镜像',
  'help.expired.title': 'docker 提示“unauthorized: authentication required”',
  'help.expired.body':
    'docker 保存的登录已失效：临时登录在您选择的时长后失效（最长 24 小时），长期登录在生成它的访问密钥被删除或停用后失效。请重新获取登录指令并再次执行。',
  'help.notEmpty.title': '为什么不能删除组织？',
  'help.notEmpty.body':
    'SWR 只删除空的组织。请先删除其中的镜像仓库（连同其标签）；组织页面会列出它们。',
  'help.undo.title': '删除后可以撤销吗？',
  'help.undo.body':
    '可以，在几秒内。您在控制台中发起的每个删除都会等待 10 秒（管理员可设置其他时长）后才发送到 SWR。在此期间，页面底部的提示条会倒计时并提供“撤销”按钮，被删除的项目在列表中显示“N 秒后删除”和“撤销”。关闭页面不会阻止或跳过删除：控制台的服务器会在时间到后发送。',
};
