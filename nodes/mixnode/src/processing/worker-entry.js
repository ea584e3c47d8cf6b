'use strict';
// Worker threads start from plain JavaScript: install the TypeScript hook, then run the worker.
require('@nymts/ts-run/register');
require('./unwrap-worker.ts');
