// The bundler every tb-core federated build uses, from plugin-kit's own dependencies: the
// shell's build takes it from here, so host and remotes are built by the same rspack and
// the same module federation plugin.
export { rspack } from '@rspack/core';
export { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';
