#!/usr/bin/env node
'use strict';
require('@nymts/ts-run/register');
require('../src/cli.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
