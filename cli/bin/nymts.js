#!/usr/bin/env node
'use strict';
require('@nymts/ts-run/register');
require('../src/main.ts')
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
