/**
 * The tag cards under the tag filter, laid out by card-sections.ts: runs of one-card
 * groups flow together in one grid, groups of several cards get a collapsible header
 * (styled by @tb/ui's tag-group classes). Every grid takes its column width from the
 * card-width setting, set as a CSS variable on the dashboard.
 */
import { EmptyState, FilterInput, compileFilter, groupTags } from '@tb/ui';
import { Fragment, type ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { cardSections } from './card-sections.js';

/** Props of {@link CardFlow}. */
export interface CardFlowProps {
  /** Every tag to lay out, in display order (before filtering). */
  readonly tags: readonly string[];
  readonly renderTag: (tag: string) => ComponentChildren;
  readonly filter: string;
  readonly onFilterChange: (pattern: string) => void;
  /** Shown when there are no tags at all. */
  readonly empty: ComponentChildren;
}

/** The filter and the cards. */
export function CardFlow(props: CardFlowProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const totals = useMemo(() => new Map(groupTags(props.tags).map((g) => [g.name, g.tags.length])), [props.tags]);
  const sections = useMemo(() => cardSections(props.tags.filter(compileFilter(props.filter).test)), [props.tags, props.filter]);
  const toggle = (name: string) => {
    const next = new Set(collapsed);
    if (!next.delete(name)) next.add(name);
    setCollapsed(next);
  };
  const cards = (tags: readonly string[]) => tags.map((tag) => <Fragment key={tag}>{props.renderTag(tag)}</Fragment>);

  let body: ComponentChildren;
  if (props.tags.length === 0) {
    body = props.empty;
  } else if (sections.length === 0) {
    body = (
      <EmptyState title="No matching tags">
        No tag matches <code>{props.filter}</code>.
      </EmptyState>
    );
  } else {
    body = sections.map((section, i) => {
      if (section.kind === 'flow') {
        return (
          <div key={`flow:${i}:${section.tags[0]}`} class="tb-card-grid tb-scalars__flow" data-testid="tag-flow">
            {cards(section.tags)}
          </div>
        );
      }
      const shut = collapsed.has(section.name);
      const total = totals.get(section.name) ?? section.tags.length;
      return (
        <section
          key={`group:${section.name}`}
          class={shut ? 'tb-tag-group tb-tag-group--collapsed' : 'tb-tag-group'}
          data-testid={`tag-group-${section.name}`}
        >
          <button type="button" class="tb-tag-group__header" aria-expanded={!shut} onClick={() => toggle(section.name)}>
            <span class="tb-tag-group__chevron" aria-hidden="true">
              ▾
            </span>
            <span class="tb-tag-group__name">{section.name}</span>
            <span class="tb-tag-group__count">{section.tags.length === total ? `(${total})` : `(${section.tags.length} of ${total})`}</span>
          </button>
          {!shut && <div class="tb-tag-group__body tb-card-grid">{cards(section.tags)}</div>}
        </section>
      );
    });
  }

  return (
    <div class="tb-tag-groups">
      <div class="tb-tag-groups__filter">
        <FilterInput value={props.filter} onChange={props.onFilterChange} placeholder="Filter tags (regular expressions supported)" testId="tag-filter" />
      </div>
      {body}
    </div>
  );
}
