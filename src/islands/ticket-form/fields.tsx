// Form fields with their label, hint and error wired for screen readers (aria-describedby, aria-invalid).
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { fieldInputId, sentence, type FormError } from '../../lib/ticket/form-errors.ts';

export type ErrorsByField = ReadonlyMap<string, string>;

/** One message per input: several errors on one input (lines of a list) are read out together. */
export function errorsByField(errors: readonly FormError[]): ErrorsByField {
  const byField = new Map<string, string>();
  for (const e of errors) {
    const message = sentence(e.line ? `line ${e.line}: ${e.message}` : e.message);
    const previous = byField.get(e.field);
    byField.set(e.field, previous ? `${previous}; ${message}` : message);
  }
  return byField;
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

interface FieldProps {
  field: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/** The hint and the error under a field's label, with the ids its aria-describedby points to. */
function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error-message">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
    </>
  );
}

function FieldText({ id, label, hint, error, optional }: Omit<FieldProps, 'field'> & { id: string }) {
  return (
    <>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
    </>
  );
}

type TextFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
    ref?: Ref<HTMLInputElement>;
  };

export function TextField({ field, label, hint, error, optional, value, onChange, ref, ...input }: TextFieldProps) {
  const id = fieldInputId(field);
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <FieldText id={id} label={label} hint={hint} error={error} optional={optional} />
      <input
        ref={ref}
        id={id}
        name={field}
        type="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
        {...input}
      />
    </div>
  );
}

export function TextArea({
  field,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  rows = 4,
}: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const id = fieldInputId(field);
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <FieldText id={id} label={label} hint={hint} error={error} optional={optional} />
      <textarea
        id={id}
        name={field}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
      />
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** Radio buttons in a fieldset: Tab reaches the group, the arrow keys choose. The first radio carries the id. */
export function RadioGroup<T extends string>({
  field,
  label,
  hint,
  error,
  choices,
  value,
  onChange,
}: FieldProps & { choices: readonly Choice<T>[]; value: string; onChange: (value: T) => void }) {
  const id = fieldInputId(field);
  return (
    <fieldset
      className={error ? 'field choices has-error' : 'field choices'}
      aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
    >
      <legend>{label}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      {choices.map((choice, i) => {
        const choiceId = i === 0 ? id : `${id}-${choice.value}`;
        return (
          <div className="choice" key={choice.value}>
            <input
              type="radio"
              id={choiceId}
              name={field}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={choice.hint ? `${choiceId}-hint` : undefined}
            />
            <label htmlFor={choiceId}>
              {choice.label}
              {choice.hint && (
                <span id={`${choiceId}-hint`} className="hint">
                  {choice.hint}
                </span>
              )}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** "There is a problem": every error of the step, each a link that moves focus to its input. */
export function ErrorSummary({ errors, ref }: { errors: readonly FormError[]; ref?: Ref<HTMLDivElement> }) {
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="ticket-error-summary-title">
      <h3 id="ticket-error-summary-title">
        There {errors.length === 1 ? 'is a problem' : `are ${errors.length} problems`} to fix
      </h3>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.field}-${i}`}>
            <a
              href={`#${fieldInputId(e.field)}`}
              onClick={(event) => {
                const input = document.getElementById(fieldInputId(e.field));
                if (!input) return;
                event.preventDefault();
                input.focus();
                input.scrollIntoView({ block: 'center' });
              }}
            >
              {e.label}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
