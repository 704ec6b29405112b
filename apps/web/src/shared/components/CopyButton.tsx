import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useT } from '../i18n';

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
  const { message } = App.useApp();
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
            () => void message.success(t('common.copied', { what })),
            () => void message.warning(t('common.copyFailed')),
          );
        }}
      />
    </Tooltip>
  );
}
