import type { Translation } from './i18n';
import type { sharedMessages } from './messages';

export const sharedMessagesZh: Translation<typeof sharedMessages> = {
  'common.copy': '复制{what}',
  'common.copied': '已将{what}复制到剪贴板',
  'common.copyFailed': '浏览器不允许复制，请手动选中文本复制。',
  'common.cancel': '取消',
  'common.delete': '删除',
  'common.create': '创建',
  'common.save': '保存',
  'common.edit': '编辑',
  'common.close': '关闭',
  'common.actions': '操作',
  'common.loading': '加载中…',
  'common.total': '共 {total} 项',
  'error.title': '操作未成功',
  'error.code': '错误码',
  'error.requestId': '请求 ID',
  'error.network': '控制台无法连接到服务器，请检查网络后重试。',
  'error.signIn': '会话已结束，请重新登录。',
  'error.forbidden': '您没有此操作的权限。账号管理员或拥有“管理”权限的用户可以为您授权。',
  'error.notFound': '该资源不存在（或已被删除），也可能属于其他账号。',
  'error.retry': '重试',
  'error.unexpected': '显示此页面时出错。',
  'error.tooManyCalls': '此会话同时进行的请求过多。请稍候，或关闭控制台的其他标签页后重试。',
  'error.busy': '控制台当前请求繁忙，请几秒后重试。',
  'error.upstreamTimeout': 'SWR 未能及时响应。请重试；如果一直如此，SWR 可能较慢或暂不可用。',
  'error.upstreamDown': '无法连接 SWR，或其响应中途中断。请稍后重试。',
  'error.upstreamReset':
    'SWR 在响应前关闭了连接。该变更未被重复发送：请先确认它是否已生效，再决定是否重试。',
};
