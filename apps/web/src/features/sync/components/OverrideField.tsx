import { Checkbox, Form } from 'antd';
import { useT } from '../../../shared/i18n';

/** Whether a sync replaces a tag the target holds with other content; explained beneath. */
export function OverrideField({
  value,
  onChange,
}: {
  value: boolean;
  onChange: (value: boolean) => void;
}) {
  const t = useT();
  return (
    <Form.Item extra={t('sync.override.help')}>
      <Checkbox checked={value} onChange={(event) => onChange(event.target.checked)}>
        {t('sync.override')}
      </Checkbox>
    </Form.Item>
  );
}
