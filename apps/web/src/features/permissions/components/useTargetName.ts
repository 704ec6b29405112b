import { useT } from '../../../shared/i18n';
import type { PermissionTarget } from '../api';

/** The target in words: "organization x" or "repository x/y". */
export function useTargetName(target: PermissionTarget): string {
  const t = useT();
  return target.repository
    ? t('permissions.target.repository', { name: `${target.namespace}/${target.repository}` })
    : t('permissions.target.namespace', { name: target.namespace });
}
