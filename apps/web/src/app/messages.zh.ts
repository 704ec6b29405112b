import type { Translation } from '../shared/i18n';
import type { shellMessages } from './messages';

export const shellMessagesZh: Translation<typeof shellMessages> = {
  'shell.product': 'SWR 控制台',
  'shell.nav': '主导航',
  'shell.nav.overview': '总览',
  'shell.nav.namespaces': '组织',
  'shell.nav.repositories': '镜像仓库',
  'shell.nav.loginCommand': '登录指令',
  'shell.nav.sharedWithMe': '共享给我的',
  'shell.nav.enterprise': '企业版',
  'shell.region': '区域',
  'shell.language': '语言',
  'shell.theme': '主题',
  'shell.theme.light': '浅色',
  'shell.theme.dark': '深色',
  'shell.theme.system': '跟随系统',
  'shell.account': '账号菜单',
  'shell.account.account': '账号',
  'shell.account.user': '用户',
  'shell.account.userId': '用户 ID',
  'shell.account.projectId': '项目 ID（{region}）',
  'shell.account.admin': '管理员',
  'shell.account.signOut': '退出登录',
  'shell.notFound.title': '页面不存在',
  'shell.notFound.text': '地址可能有误，或页面已移动。',
  'shell.notFound.home': '前往组织列表',
};
