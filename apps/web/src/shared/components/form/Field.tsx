import type { ReactNode } from 'react';
import './field.css';

/**
 * A labelled field of a form laid out top to bottom, with its help below, which turns into the
 * problem when there is one. The label is `${id}-label` (for controls that are not inputs, such as
 * the console's select, to name in aria-labelledby) and the help `${id}-help` (for the control's
 * aria-describedby).
 */
export function Field({
  id,
  label,
  help,
  error = false,
  labelsInput = true,
  children,
}: {
  /** The control's id. */
  id: string;
  /** False when the control is no input (the console's select): it names the label itself. */
  labelsInput?: boolean;
  label: ReactNode;
  help?: ReactNode;
  error?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="console-field">
      {labelsInput ? (
        <label className="console-field-label" id={`${id}-label`} htmlFor={id}>
          {label}
        </label>
      ) : (
        <span className="console-field-label" id={`${id}-label`}>
          {label}
        </span>
      )}
      {children}
      {help !== undefined ? (
        <div id={`${id}-help`} className="console-field-help" data-error={error || undefined}>
          {help}
        </div>
      ) : null}
    </div>
  );
}

/** One choice among a few (radio buttons), as a fieldset named by its legend. */
export function Choices({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="console-field">
      <legend className="console-field-label">{legend}</legend>
      {children}
    </fieldset>
  );
}
