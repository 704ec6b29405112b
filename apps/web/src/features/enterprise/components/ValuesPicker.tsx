import type { ReactNode } from 'react';
import { Popover } from '../../../shared/components/popover/Popover';
import { useT } from '../../../shared/i18n';
import './values-picker.css';

/** The most values one tag filter takes. */
const MAX_VALUES = 10;

/**
 * The values of a tag key to filter by: a button that opens a list of checkboxes (none chosen
 * means any value). Once ten are chosen, the rest wait until one is let go.
 */
export function ValuesPicker({
  options,
  chosen,
  disabled,
  onChange,
}: {
  options: { value: string; label: ReactNode }[];
  chosen: string[];
  disabled: boolean;
  onChange: (values: string[]) => void;
}) {
  const t = useT();
  const full = chosen.length >= MAX_VALUES;
  return (
    <Popover
      title={t('ent.filter.values')}
      align="start"
      disabled={disabled}
      trigger={
        chosen.length === 0
          ? t('ent.filter.values')
          : `${t('ent.filter.values')}: ${t('ent.filter.chosen', { count: chosen.length, total: options.length })}`
      }
    >
      <fieldset className="ent-values">
        <legend className="ent-values-legend">{t('ent.filter.values')}</legend>
        {options.map((option) => {
          const checked = chosen.includes(option.value);
          return (
            <label key={option.value} className="ent-values-choice">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && full}
                onChange={() =>
                  onChange(
                    checked ? chosen.filter((v) => v !== option.value) : [...chosen, option.value],
                  )
                }
              />
              {option.label}
            </label>
          );
        })}
        {full ? (
          <p className="ent-values-note">{t('ent.filter.max', { max: MAX_VALUES })}</p>
        ) : null}
      </fieldset>
    </Popover>
  );
}
