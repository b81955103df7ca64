/**
 * A text box for a regular expression that shows the engine's error under it while the
 * pattern is invalid, instead of throwing. Used for tag filters and the run filter.
 */
import { compileFilter } from './regex-filter.js';

/** Props of {@link FilterInput}. */
export interface FilterInputProps {
  /** The pattern as typed. */
  readonly value: string;
  /** Called on every keystroke with the new pattern (valid or not). */
  readonly onChange: (pattern: string) => void;
  readonly placeholder?: string;
  /** Accessible name; defaults to the placeholder. */
  readonly label?: string;
  /** `data-testid` of the input element. */
  readonly testId?: string;
}

/**
 * A regex filter input.
 *
 * @example <FilterInput value={pattern} onChange={setPattern} placeholder="Filter tags (regex)" />
 */
export function FilterInput(props: FilterInputProps) {
  const { error } = compileFilter(props.value);
  const label = props.label ?? props.placeholder ?? 'Filter (regular expression)';
  return (
    <div class="tb-filter">
      <input
        class={error ? 'tb-input tb-input--invalid' : 'tb-input'}
        type="search"
        spellcheck={false}
        autocomplete="off"
        value={props.value}
        placeholder={props.placeholder}
        aria-label={label}
        aria-invalid={error ? 'true' : 'false'}
        data-testid={props.testId}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
      {error && (
        <div class="tb-filter__error" role="alert" data-testid={props.testId ? `${props.testId}-error` : undefined}>
          {error}
        </div>
      )}
    </div>
  );
}
