import type { Translation } from '../../shared/i18n';
import type { namespaceMessages } from './messages';

export const namespaceMessagesZh: Translation<typeof namespaceMessages> = {
  'namespaces.title': '组织',
  'namespaces.intro': '组织用于归集镜像仓库和管理权限。组织名在同一区域内全局唯一（跨账号）。',
  'namespaces.filter': '按名称筛选组织',
  'namespaces.name': '名称',
  'namespaces.auth': '我的权限',
  'namespaces.repos': '镜像仓库数',
  'namespaces.users': '已授权用户数',
  'namespaces.creator': '创建者',
  'namespaces.empty': '还没有组织。',
  'namespaces.quota': '本区域已使用 {used}/{limit} 个组织',
  'namespaces.quota.full':
    '账号在本区域的组织数已达配额 {limit}。请删除不用的组织，或申请提升配额。',
  'namespaces.create': '创建组织',
  'namespaces.create.title': '创建组织',
  'namespaces.create.adminOnly': '只有账号本身或其管理员可以创建组织。',
  'namespaces.create.rules':
    '1–64 个字符：小写字母、数字，以及字符之间单个的“.”、“_”、“__”或“-”；以字母开头，以字母或数字结尾。',
  'namespaces.create.taken': '该名称在本区域已被占用（可能属于其他账号），请换一个。',
  'namespaces.created': '已创建组织 {name}',
  'namespaces.delete': '删除 {name}',
  'namespaces.delete.title': '删除组织 {name}？',
  'namespaces.delete.confirm': '组织 {name} 将被删除。删除后几秒内可以撤销，之后无法恢复。',
  'namespaces.delete.notEmpty':
    '{name} 中还有 {count} 个镜像仓库。SWR 只能删除空组织：请先删除其中的镜像仓库。',
  'namespaces.deleted': '已删除组织 {name}',
  'namespaces.auth.7': '管理',
  'namespaces.auth.3': '编辑',
  'namespaces.auth.1': '只读',
  'namespace.title': '组织 {name}',
  'namespace.repositories': '查看其中的镜像仓库',
};
