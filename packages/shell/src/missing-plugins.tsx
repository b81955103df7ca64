/**
 * What the page says instead of an empty dashboard when the data is for a plugin that is
 * not installed: "This log root has graph data (2 runs): install @tb/plugin-graphs".
 * Shown for a link to a tab the page does not have (`#graphs`), and when the tab shown
 * has no data while the log root holds data no installed plugin reads.
 */
import { EmptyState } from '@tb/ui';
import type { PluginInfo } from './api.js';
import type { KnownPlugin } from './known-plugins.js';
import { runsWithDataOf, type MissingData } from './missing-data.js';

const runCount = (n: number) => `${n} ${n === 1 ? 'run' : 'runs'}`;

/** One kind of data and what shows it, as a clause: "graph data (2 runs): install @tb/plugin-graphs". */
function MissingClause({ item }: { item: MissingData }) {
  if (!item.known) {
    return (
      <>
        data of the plugin name <code>{item.pluginNames[0]}</code> ({runCount(item.runs)}): no package tb-core knows shows it
      </>
    );
  }
  return (
    <>
      <strong>{item.known.data} data</strong> ({runCount(item.runs)}): install <code>{item.known.packageName}</code>
    </>
  );
}

/** The install hint; a package name is never broken across lines. */
function InstallHint({ packages }: { packages: readonly string[] }) {
  if (packages.length === 0) return null;
  return (
    <p class="tb-missing__install">
      Install {packages.length === 1 ? 'it' : 'them'} next to <code>@tb/core</code> (
      <code class="tb-missing__command">
        npm install{' '}
        {packages.map((p, i) => (
          <span key={p}>
            {i > 0 && ' '}
            <span class="tb-missing__package">{p}</span>
          </span>
        ))}
      </code>
      ) and start <code>tb-core serve</code> again: each plugin is a tab.
    </p>
  );
}

/** "This log root has graph data (2 runs): install @tb/plugin-graphs", one line per kind of data. */
export function MissingDataList({ items }: { items: readonly MissingData[] }) {
  if (items.length === 1) {
    return (
      <p class="tb-missing__data" data-testid="missing-data">
        This log root has <MissingClause item={items[0]!} />.
      </p>
    );
  }
  return (
    <>
      <p>This log root has data that no installed plugin shows:</p>
      <ul class="tb-missing__list" data-testid="missing-data">
        {items.map((item) => (
          <li key={item.pluginNames.join()}>
            <MissingClause item={item} />
          </li>
        ))}
      </ul>
    </>
  );
}

const packagesOf = (items: readonly MissingData[]) => items.flatMap((i) => (i.known ? [i.known.packageName] : []));

/** Props of {@link MissingPlugins}. */
export interface MissingPluginsProps {
  readonly items: readonly MissingData[];
  /** The tab shown, which has no data. */
  readonly plugin: PluginInfo;
  /** Whether some installed plugin has data (then only this tab is empty). */
  readonly othersHaveData: boolean;
}

/** The tab shown has no data, and the log root holds data for plugins that are not installed. */
export function MissingPlugins({ items, plugin, othersHaveData }: MissingPluginsProps) {
  const title = othersHaveData ? `No ${plugin.title} data in this log root` : 'No installed plugin shows the data of this log root';
  return (
    <EmptyState title={title} testId="missing-plugins">
      <MissingDataList items={items} />
      <InstallHint packages={packagesOf(items)} />
    </EmptyState>
  );
}

/** Props of {@link NotInstalled}. */
export interface NotInstalledProps {
  /** The tab the link asks for. */
  readonly tab: string;
  /** The dashboard TensorBoard has under that id; undefined for an id nobody knows. */
  readonly known: KnownPlugin | undefined;
  /** `/data/plugin_names`; null while unknown. */
  readonly counts: Readonly<Record<string, number>> | null;
  readonly installed: readonly PluginInfo[];
  /** Data no installed plugin reads, for the hint under an unknown id. */
  readonly missing: readonly MissingData[];
}

/** A link to a tab the page does not have (`#graphs`): which package shows it, and whether there is data for it. */
export function NotInstalled({ tab, known, counts, installed, missing }: NotInstalledProps) {
  const installedLine = (
    <p>Installed plugins: {installed.length ? installed.map((p) => p.title).join(', ') : 'none'}.</p>
  );
  if (!known) {
    return (
      <EmptyState title={`There is no plugin “${tab}”`} testId="unknown-plugin">
        {installedLine}
        {missing.length > 0 && <MissingDataList items={missing} />}
        <InstallHint packages={packagesOf(missing)} />
      </EmptyState>
    );
  }
  const runs = runsWithDataOf(known, counts);
  return (
    <EmptyState title={`${known.title} is not installed`} testId="unknown-plugin">
      {runs > 0 ? (
        <p class="tb-missing__data" data-testid="missing-data">
          This log root has <strong>{known.data} data</strong> ({runCount(runs)}): install <code>{known.packageName}</code>.
        </p>
      ) : (
        <p class="tb-missing__data" data-testid="missing-data">
          <code>{known.packageName}</code> shows {known.data} data{counts ? '; this log root has none' : ''}.
        </p>
      )}
      <InstallHint packages={runs > 0 ? [known.packageName] : []} />
      {installedLine}
    </EmptyState>
  );
}
