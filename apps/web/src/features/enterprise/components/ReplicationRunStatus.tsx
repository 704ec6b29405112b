import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  LoadingOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import type { ReplicationExecution } from '@swr-console/swr-api';
import type { ReactNode } from 'react';
import { useT } from '../../../shared/i18n';

// The words carry the status in the text's own colour (antd's coloured tags fall short of WCAG
// AA); the icon beside them is decoration.
const ICONS: Record<ReplicationExecution['status'], ReactNode> = {
  Initialized: <ClockCircleOutlined aria-hidden />,
  Pending: <ClockCircleOutlined aria-hidden />,
  InProgress: <LoadingOutlined aria-hidden style={{ color: 'var(--ant-color-primary)' }} />,
  Succeed: <CheckCircleOutlined aria-hidden style={{ color: 'var(--ant-color-success)' }} />,
  Failed: <CloseCircleOutlined aria-hidden style={{ color: 'var(--ant-color-error)' }} />,
  Stopped: <MinusCircleOutlined aria-hidden style={{ color: 'var(--ant-color-warning)' }} />,
};

/** The status of a run, a repository or a tag of it, in words with an icon. */
export function RunStatus({ status }: { status: ReplicationExecution['status'] }) {
  const t = useT();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {ICONS[status]} {t(`repl.status.${status}`)}
    </span>
  );
}

/** Healthy, or unhealthy with the reason of the last check. */
export function Health({ status, reason }: { status: 'healthy' | 'unhealthy'; reason?: string }) {
  const t = useT();
  return status === 'healthy' ? (
    <span style={{ whiteSpace: 'nowrap' }}>
      <CheckCircleOutlined aria-hidden style={{ color: 'var(--ant-color-success)' }} />{' '}
      {t('repl.health.healthy')}
    </span>
  ) : (
    <span>
      <CloseCircleOutlined aria-hidden style={{ color: 'var(--ant-color-error)' }} />{' '}
      {t('repl.health.unhealthy')}
      {reason ? `: ${reason}` : null}
    </span>
  );
}
