/**
 * Tokens: a plugin names the services it needs, and gets exactly those, typed. Core
 * provides DataProvider, ComputeRunner, Flags and Logger; a plugin (or a test, or the
 * application that hosts it) can define its own.
 */
import { ComputeRunnerToken, DataProviderToken, definePlugin, FlagsToken, LoggerToken, routeFor, token } from '@tb/core/plugin';

/** A service of our own: what time it is (so tests can fix it). */
export interface Clock {
  now(): number;
}

/** The token: a namespaced id and a description; the type rides with it. */
export const ClockToken = token<Clock>('@acme/tb-plugin-status:Clock', 'What time it is, in seconds since the epoch.');

const needs = { data: DataProviderToken, compute: ComputeRunnerToken, flags: FlagsToken, log: LoggerToken, clock: ClockToken };
const route = routeFor(needs);

/** A status route that uses every core token and the custom one. */
export default definePlugin({
  id: 'status',
  title: 'Status',
  pluginNames: [],
  needs,
  isActive: () => true,
  routes: [
    route({
      method: 'GET',
      path: '/status',
      handler: async (_input, { data, compute, flags, log, clock }) => {
        log.info(`status asked for ${flags.logdir}`);
        const [dot] = await compute.matmul(Float32Array.of(1, 2), Float32Array.of(3, 4), 1, 2, 1); // 1*3 + 2*4
        return { logdir: flags.logdir, pathPrefix: flags.pathPrefix, runs: data.listRuns().length, computed: dot, at: clock.now() };
      },
    }),
  ],
});
