import { CopyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Tooltip } from './tooltip/Tooltip';
import { useRef, useState } from 'react';
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
  // The tooltip closes on the click and stays closed until the pointer leaves: an open tooltip
  // takes the first Escape, and a dialog holding this button would need a second one.
  const [tip, setTip] = useState(false);
  const clicked = useRef(false);
  return (
    <Tooltip title={label} open={tip} onOpenChange={(open) => setTip(open && !clicked.current)}>
      <Button
        size={size}
        type="text"
        icon={<CopyOutlined />}
        aria-label={label}
        onMouseLeave={() => {
          clicked.current = false;
        }}
        onClick={() => {
          clicked.current = true;
          setTip(false);
          navigator.clipboard.writeText(value).then(
            () => void notices.success(t('common.copied', { what })),
            () => void notices.warning(t('common.copyFailed')),
          );
        }}
      />
    </Tooltip>
  );
}
