/**
 * @tb/ui: the Preact pieces every tb-core dashboard shares, so that no plugin writes
 * them again and a third-party plugin looks native. The shell shares this package as a
 * singleton with every federated dashboard. Styles: `@tb/ui/theme.css` (the shell loads it).
 */
export * from './dashboard.js';
export { applyTheme, prefersDark, THEME_ATTRIBUTE } from './theme.js';
export { assignRunColors, NO_DATA_COLOR, RUN_PALETTE, runColor, runColors, type RunColorAssignment, type RunColorSlots } from './run-color.js';
export { compileFilter, type CompiledFilter } from './regex-filter.js';
export { groupTags, tagGroupName, type TagGroup } from './tag-grouping.js';
export { useDismiss } from './use-dismiss.js';
export { FilterInput, type FilterInputProps } from './filter-input.js';
export { Card, type CardProps } from './card.js';
export { TagGroups, type TagGroupsProps } from './tag-groups.js';
export { RunLegend, type RunLegendProps } from './run-legend.js';
export { RunName, splitRunNames, type RunNameParts, type RunNameProps } from './run-name.js';
export { StepSlider, stepIndex, type StepSliderProps } from './step-slider.js';
export { DownloadMenu, type DownloadItem, type DownloadMenuProps } from './download-menu.js';
export { EmptyState, type EmptyStateProps } from './empty-state.js';
export { LoadingState, type LoadingStateProps } from './loading-state.js';
export { ErrorState, errorMessage, type ErrorStateProps } from './error-state.js';
export { useVisible } from './use-visible.js';
export { useWidth } from './use-width.js';
export { nextStep, stepForKey, stepKeyHandler } from './step-follow.js';
export { loadStored, saveStored, defaultStorage, STORAGE_PREFIX, type StorageLike } from './stored.js';
export { useFetched, type Fetched } from './use-fetched.js';
export { useRunVersions } from './run-versions.js';
export { createScale, type Scale, type ScaleKind } from './scales.js';
export { axisTicks, ticksFor, tickCount, TICK_SPACING_PX, type AxisOrientation, type AxisTick, type AxisTickOptions, type Tick, type TickOptions, type TickValues } from './ticks.js';
export { formatNumberTicks, formatTickValue, formatTimeTicks, formatDurationTick } from './tick-format.js';
export { durationTicks, durationInterval, DURATION_INTERVALS, type DurationTicks } from './duration-ticks.js';
export { X_AXIS_SCALES, SECONDS_PER_HOUR, type XAxisScale, type XAxisType } from './x-axes.js';
export { saveFile } from './save-file.js';
export { formatValue } from './value-format.js';
