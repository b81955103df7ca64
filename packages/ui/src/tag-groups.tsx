/**
 * Tags grouped by prefix (`train/loss` → group `train`) in collapsible sections with
 * counts, under a regex filter. Dashboards render each tag (usually as a Card); this
 * lays them out in a card grid per group.
 */
import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { EmptyState } from './empty-state.js';
import { FilterInput } from './filter-input.js';
import { compileFilter } from './regex-filter.js';
import { groupTags } from './tag-grouping.js';

/** Props of {@link TagGroups}. */
export interface TagGroupsProps {
  /** Every tag, in display order. */
  readonly tags: readonly string[];
  /** Renders one tag (a Card, typically); placed in the group's card grid. */
  readonly renderTag: (tag: string) => ComponentChildren;
  /** The filter pattern, when the dashboard keeps it (e.g. in its URL); else internal. */
  readonly filter?: string;
  readonly onFilterChange?: (pattern: string) => void;
  /** Whether a group starts collapsed; all start open by default. */
  readonly initiallyCollapsed?: (group: string) => boolean;
  readonly filterPlaceholder?: string;
  /** Shown when there are no tags at all. */
  readonly empty?: ComponentChildren;
}

/**
 * @example
 * <TagGroups tags={tags} renderTag={(tag) => <Card key={tag} title={tag}><Chart tag={tag} /></Card>} />
 */
export function TagGroups(props: TagGroupsProps) {
  const [ownFilter, setOwnFilter] = useState('');
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const pattern = props.filter ?? ownFilter;
  const setPattern = (p: string) => {
    if (props.filter === undefined) setOwnFilter(p);
    props.onFilterChange?.(p);
  };
  const matcher = compileFilter(pattern);
  const totals = new Map(groupTags(props.tags).map((g) => [g.name, g.tags.length]));
  const groups = groupTags(props.tags.filter(matcher.test));
  const isCollapsed = (name: string) => (props.initiallyCollapsed?.(name) ?? false) !== toggled.has(name);
  const toggle = (name: string) => {
    const next = new Set(toggled);
    if (!next.delete(name)) next.add(name);
    setToggled(next);
  };

  return (
    <div class="tb-tag-groups">
      <div class="tb-tag-groups__filter">
        <FilterInput
          value={pattern}
          onChange={setPattern}
          placeholder={props.filterPlaceholder ?? 'Filter tags (regular expressions supported)'}
          testId="tag-filter"
        />
      </div>
      {props.tags.length === 0 ? (
        (props.empty ?? <EmptyState title="No tags">This dashboard has no data for the selected runs yet.</EmptyState>)
      ) : groups.length === 0 ? (
        <EmptyState title="No matching tags">
          No tag matches <code>{pattern}</code>.
        </EmptyState>
      ) : (
        groups.map((group) => {
          const collapsed = isCollapsed(group.name);
          const total = totals.get(group.name) ?? group.tags.length;
          return (
            <section
              key={group.name}
              class={collapsed ? 'tb-tag-group tb-tag-group--collapsed' : 'tb-tag-group'}
              data-testid={`tag-group-${group.name}`}
            >
              <button type="button" class="tb-tag-group__header" aria-expanded={!collapsed} onClick={() => toggle(group.name)}>
                <span class="tb-tag-group__chevron" aria-hidden="true">
                  ▾
                </span>
                <span class="tb-tag-group__name">{group.name}</span>
                <span class="tb-tag-group__count">
                  {group.tags.length === total ? `(${total})` : `(${group.tags.length} of ${total})`}
                </span>
              </button>
              {!collapsed && (
                <div class="tb-tag-group__body tb-card-grid">
                  {group.tags.map((tag) => (
                    <Fragment key={tag}>{props.renderTag(tag)}</Fragment>
                  ))}
                </div>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}
