// pnpm hook, named by `pnpmfile` in pnpm-workspace.yaml; runs on every pnpm command in this workspace.
//
// Why: better-sqlite3 (the SQLite warm tier of @kaizen-bench/agent) is a native addon. Its install script
// downloads a prebuilt binary and, where none can be downloaded, compiles with node-gyp. node-gyp then
// downloads Node's headers too, unless `npm_config_nodedir` says where they already are, and pnpm 12 hands
// install scripts no `nodedir` from any .npmrc. Node's Linux packages and the nodejs.org tarballs ship the
// headers in <prefix>/include/node, so point node-gyp there when they are on disk. A nodedir the user set
// wins; without headers on disk nothing changes (node-gyp downloads them as usual).
const { existsSync } = require('node:fs');
const path = require('node:path');

/** The install prefix of the Node running pnpm when it has its headers (e.g. /usr for /usr/bin/node). */
function nodeHeadersDir() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return existsSync(path.join(prefix, 'include', 'node', 'common.gypi')) ? prefix : undefined;
}

module.exports = {
  hooks: {
    updateConfig(config) {
      // biome-ignore lint/suspicious/noUndeclaredEnvVars: pnpm runs this hook, not a turbo task.
      if (process.env.npm_config_nodedir || process.env.NPM_CONFIG_NODEDIR) return config;
      const nodedir = nodeHeadersDir();
      if (nodedir === undefined) return config;
      return { ...config, extraEnv: { ...config.extraEnv, npm_config_nodedir: nodedir } };
    },
  },
};
