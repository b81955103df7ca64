/**
 * The "Pinned" group at the top of the dashboard: the cards the user pinned, in the
 * order pinned, collapsible like the tag groups below it (and styled by the same
 * @tb/ui classes). Pinned cards are not filtered, so they stay in view for comparison.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Props of {@link PinnedGroup}. */
export interface PinnedGroupProps {
  readonly tags: readonly string[];
  readonly renderTag: (tag: string) => ComponentChildren;
}

/** The pinned cards; nothing when none is pinned. */
export function PinnedGroup({ tags, renderTag }: PinnedGroupProps) {
  const [collapsed, setCollapsed] = useState(false);
  if (tags.length === 0) return null;
  return (
    <section class={collapsed ? 'tb-tag-group tb-tag-group--collapsed' : 'tb-tag-group'} data-testid="tag-group-pinned">
      <button type="button" class="tb-tag-group__header" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
        <span class="tb-tag-group__chevron" aria-hidden="true">
          ▾
        </span>
        <span class="tb-tag-group__name">Pinned</span>
        <span class="tb-tag-group__count">({tags.length})</span>
      </button>
      {!collapsed && <div class="tb-tag-group__body tb-card-grid">{tags.map((tag) => renderTag(tag))}</div>}
    </section>
  );
}
