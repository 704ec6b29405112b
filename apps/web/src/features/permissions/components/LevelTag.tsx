import { AUTH_LEVELS, type AuthLevel } from '@swr-console/swr-api';
import { Tag } from 'antd';
import { useT } from '../../../shared/i18n';

/** The levels in the order a picker offers them: least privilege first. */
export const LEVELS: readonly AuthLevel[] = [
  AUTH_LEVELS.read,
  AUTH_LEVELS.edit,
  AUTH_LEVELS.manage,
];

const COLORS: Record<AuthLevel, string> = { 1: 'default', 3: 'blue', 7: 'red' };

export function LevelTag({ auth }: { auth: AuthLevel }) {
  const t = useT();
  return <Tag color={COLORS[auth]}>{t(`permissions.level.${auth}`)}</Tag>;
}
