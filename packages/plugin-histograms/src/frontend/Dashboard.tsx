/** Scaffold: the Histograms dashboard lands with its issue. */
import { EmptyState, type DashboardProps } from '@tb/ui';

export default function Dashboard(_props: DashboardProps) {
  return <EmptyState title="Coming soon" />;
}
