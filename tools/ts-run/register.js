'use strict';
// Why not ts-node: it loads the TypeScript compiler at every process start (about 0.4 s measured
// here), and the local network starts a dozen node processes. swc transpiles one file in well
// under a millisecond; type-checking is `tsc -b`'s job, not the runtime's.
//
// Transpiled output is kept on disk, keyed by the file's path and contents and by the swc version
// and options: a process that loads the chain or a node transpiles 80–130 files, about a fifth of
// its start-up time, and the local network and the CLI tests start many such processes.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const swcOptions = {
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    parser: { syntax: 'typescript' },
    target: 'es2022',
    keepClassNames: true,
  },
};

const cacheDir =
  process.env.NYMTS_TS_RUN_CACHE ??
  path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'nymts-ts-run');
const cacheSalt = JSON.stringify([swc.version, swcOptions]);

function cacheFile(filename, source) {
  const key = crypto
    .createHash('sha256')
    .update(cacheSalt)
    .update('\0')
    .update(filename)
    .update('\0')
    .update(source);
  return path.join(cacheDir, `${key.digest('hex')}.js`);
}

function readCached(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

// A cache that cannot be written (read-only install, full disk) only costs the transpiling.
function writeCached(file, code) {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, code);
    fs.renameSync(temporary, file);
  } catch {
    // nothing to do: the next start transpiles again
  }
}

function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const file = cacheFile(filename, source);
  let code = readCached(file);
  if (code === undefined) {
    code = swc.transformSync(source, { ...swcOptions, filename }).code;
    writeCached(file, code);
  }
  module._compile(code, filename);
}

if (!require.extensions['.ts']) {
  process.setSourceMapsEnabled(true);
  require.extensions['.ts'] = compileTypeScript;
}
