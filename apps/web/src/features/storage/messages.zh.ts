import type { Translation } from '../../shared/i18n';
import type { storageMessages } from './messages';

export const storageMessagesZh: Translation<typeof storageMessages> = {
  'storage.title': '存储',
  'storage.intro':
    '{region} 的存储用在哪里：每个镜像仓库的镜像层，无论多少镜像版本使用同一层都只计一次，以及其中镜像版本之间共享的部分（删除其中任一镜像版本都不会释放这部分）。',
  'storage.filter.namespace': '组织',
  'storage.filter.namespace.all': '全部组织',
  'storage.filter.name': '镜像仓库名称',
  'storage.summary':
    '已读取全部 {total} 个镜像仓库：镜像层共 {bytes}，其中 {shared} 由镜像版本共享。',
  'storage.progress': '已读取 {read}/{total} 个镜像仓库…',
  'storage.progress.label': '已读取的镜像仓库',
  'storage.treemap': '按组织和镜像仓库划分的存储，每个方块的大小与其镜像层相当',
  'storage.table': '按存储排序的镜像仓库',
  'storage.empty': '没有匹配的镜像仓库。',
  'storage.repository': '镜像仓库',
  'storage.tags': '镜像版本',
  'storage.images': '镜像',
  'storage.bytes': '存储',
  'storage.exact': '{bytes} 字节',
  'storage.shared': '镜像版本间共享',
  'storage.share': '占总量',
  'storage.failed': '无法读取：{problem}',
  'storage.tooMany': '镜像版本过多，无法读取',
};
