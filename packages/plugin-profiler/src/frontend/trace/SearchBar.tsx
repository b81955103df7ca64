/** The trace viewer's search box: Enter goes to the next match, Shift+Enter to the previous. */
import { matchLabel } from './search.js';

export interface SearchBarProps {
  readonly query: string;
  readonly current: number;
  readonly count: number;
  readonly onQuery: (q: string) => void;
  readonly onStep: (dir: 1 | -1) => void;
}

/** The search input with its "3 of 120" label and previous/next buttons. */
export function SearchBar(props: SearchBarProps) {
  const { query, current, count } = props;
  return (
    <div class="tb-trace-search">
      <input
        type="search"
        placeholder="Find slices by name"
        aria-label="Find slices by name"
        value={query}
        onInput={(e) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          e.stopPropagation(); // W/A/S/D typed here are letters, not navigation
          if (e.key === 'Enter') {
            e.preventDefault();
            props.onStep(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <span class="tb-trace-count" aria-live="polite">{matchLabel(current, count, query)}</span>
      <button type="button" disabled={count === 0} onClick={() => props.onStep(-1)} aria-label="Previous match">
        ‹
      </button>
      <button type="button" disabled={count === 0} onClick={() => props.onStep(1)} aria-label="Next match">
        ›
      </button>
    </div>
  );
}
