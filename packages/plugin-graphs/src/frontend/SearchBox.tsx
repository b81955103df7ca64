/**
 * Search by name: a regular expression (invalid ones show their error) and the matching ops
 * and scopes under it; Enter or a click on a match opens the scopes above it, selects it
 * and centres it.
 */
import { FilterInput } from '@tb/ui';
import { useState } from 'preact/hooks';
import type { SearchResult } from './search.js';

/** Props of {@link SearchBox}. */
export interface SearchBoxProps {
  readonly pattern: string;
  readonly result: SearchResult;
  readonly onPattern: (pattern: string) => void;
  readonly onPick: (id: string) => void;
}

/** The search field and its list of matches. */
export function SearchBox(props: SearchBoxProps) {
  const [open, setOpen] = useState(true);
  const { result } = props;
  const pick = (id: string) => {
    setOpen(false);
    props.onPick(id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && result.hits[0]) {
      e.preventDefault();
      pick(result.hits[0].id);
    } else if (e.key === 'Escape') setOpen(false);
  };
  return (
    <div class="tb-graph__search" onKeyDown={onKeyDown} onFocusIn={() => setOpen(true)}>
      <FilterInput
        value={props.pattern}
        onChange={(p) => {
          setOpen(true);
          props.onPattern(p);
        }}
        placeholder="Search ops and scopes (regex)"
        label="Search ops and scopes by name (regular expression)"
        testId="graph-search"
      />
      {open && props.pattern.trim() !== '' && !result.error && (
        <div class="tb-graph__results" data-testid="graph-search-results">
          <div class="tb-graph__results-count">
            {result.total === 0 ? 'No match' : result.total > result.hits.length ? `${result.hits.length} of ${result.total.toLocaleString('en-US')} matches` : `${result.total} ${result.total === 1 ? 'match' : 'matches'}`}
          </div>
          <ul role="listbox" aria-label="Matches">
            {result.hits.map((hit) => (
              <li role="option" aria-selected="false">
                <button type="button" class="tb-graph__result" data-testid="graph-search-hit" data-id={hit.id} onClick={() => pick(hit.id)} title={hit.name}>
                  <span class="tb-graph__result-name">{hit.name}</span>
                  <span class="tb-graph__result-kind">{hit.op ?? hit.kind}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
