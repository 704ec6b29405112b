import type { Translation } from '../../shared/i18n';
import type { signInMessages } from './messages';

export const signInMessagesZh: Translation<typeof signInMessages> = {
  'signIn.title': '登录 SWR 控制台',
  'signIn.subtitle': '密钥只保存在控制台服务器上，浏览器永远不会拿到。',
  'signIn.tab.accessKey': '访问密钥',
  'signIn.tab.password': 'IAM 用户',
  'signIn.accessKey': '访问密钥 ID（AK）',
  'signIn.secretKey': '秘密访问密钥（SK）',
  'signIn.projectId': '项目 ID（可选）',
  'signIn.projectId.help': '本次会话只使用该项目所在的区域。',
  'signIn.accountName': '账号名',
  'signIn.userName': 'IAM 用户名',
  'signIn.password': '密码',
  'signIn.secret.show': '显示输入的内容',
  'signIn.secret.hide': '隐藏输入的内容',
  'signIn.submit': '登录',
  'signIn.required': '请输入{field}。',
  'signIn.failed': '凭证未通过验证，请检查后重试。',
  'signIn.limited': '尝试次数过多，请稍等几分钟再试。',
  'signIn.sandbox.title': '本地沙箱',
  'signIn.sandbox.text': '此控制台连接的是 swr-local，可一键以演示用户身份登录。',
  'signIn.sandbox.as': '以 {user} 登录',
  'signIn.sandbox.admin': '管理员',
  'signIn.sandbox.member': 'IAM 用户',
};
