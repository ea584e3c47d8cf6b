#!/usr/bin/env node
// Prints the one line CI reads, `N passed, N failed`: jest's tests from its --json report, plus
// one entry per static check (typecheck, lint, format) from scripts/test.mjs. A jest suite that
// failed to run at all counts as a failure, and so does a missing report.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const results = resolve(process.argv[2] ?? '.test-results');
let passed = 0;
let failed = 0;

const checksFile = resolve(results, 'checks.json');
const checks = existsSync(checksFile) ? JSON.parse(readFileSync(checksFile, 'utf8')) : [];
for (const check of checks.filter((c) => c.name !== 'jest')) {
  if (check.ok) passed++;
  else failed++;
}
if (checks.length === 0) failed++;

const jestFile = resolve(results, 'jest.json');
if (existsSync(jestFile)) {
  const report = JSON.parse(readFileSync(jestFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  if (report.numTotalTests === 0) failed++;
} else {
  failed++;
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
