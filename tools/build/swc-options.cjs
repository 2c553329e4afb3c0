// One SWC configuration for the build and for Jest, so tests run the code as it ships.
const path = require('node:path');
const tsconfig = require('../../tsconfig.base.json');

const root = path.resolve(__dirname, '../..');

/**
 * Imports compiled to load at their first use: the protocol's per-service RPC groups, behind the
 * getters of its `Rpc` catalogue, so a service builds only the schemas of the groups it touches.
 */
const LAZY_IMPORTS = ['./intake.rpc', './casework.rpc', './scheduling.rpc', './notify.rpc', './reporting.rpc', './billing.rpc', './webhooks.rpc'];

/** @returns {import('@swc/core').Options} */
function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
    module: { type: 'commonjs', strict: true, lazy: LAZY_IMPORTS },
    sourceMaps: true,
  };
}

module.exports = { swcOptions, root };
