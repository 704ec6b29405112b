import { CopyOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useT } from '../i18n';
import { useNotices } from '../notices';

/** Copies `value`; `what` names it for screen readers and the confirmation ("the digest"). */
export function CopyButton({
  value,
  what,
  size = 'small',
}: {
  value: string;
  what: string;
  size?: 'small' | 'middle';
}) {
  const t = useT();
  const notices = useNotices();
  const label = t('common.copy', { what });
  return (
    <Tooltip title={label}>
      <Button
        size={size}
        type="text"
        icon={<CopyOutlined />}
        aria-label={label}
        onClick={() => {
          navigator.clipboard.writeText(value).then(
            () => void notices.success(t('common.copied', { what })),
            () => void notices.warning(t('common.copyFailed')),
          );
        }}
      />
    </Tooltip>
  );
}
