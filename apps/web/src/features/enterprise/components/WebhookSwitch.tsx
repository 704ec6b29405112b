import './webhooks.css';

/**
 * An on/off switch drawn as antd's (a WAI-ARIA switch on a button): antd's own brought 3 KB of
 * script to the webhooks tab for one control.
 */
export function WebhookSwitch({
  checked,
  disabled = false,
  busy = false,
  onChange,
  ...aria
}: {
  checked: boolean;
  disabled?: boolean;
  busy?: boolean;
  onChange: (checked: boolean) => void;
  'aria-label': string;
  'aria-describedby'?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      className="webhook-switch"
      aria-checked={checked}
      aria-busy={busy || undefined}
      disabled={disabled || busy}
      onClick={() => onChange(!checked)}
      {...aria}
    >
      <span className="webhook-switch-knob" aria-hidden />
    </button>
  );
}
