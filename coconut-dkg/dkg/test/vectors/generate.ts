// Regenerates dkg-kat.json: `node -r @nymts/ts-run/register coconut-dkg/dkg/test/vectors/generate.ts`.
// The vectors only change when the algorithms, encodings or the order of random draws change;
// the test fails until they are regenerated and the change is reviewed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBackend } from '@nymts/bls12-381';
import { buildKat } from './kat';

async function main(): Promise<void> {
  const kat = buildKat(await loadBackend());
  const path = join(__dirname, 'dkg-kat.json');
  writeFileSync(path, `${JSON.stringify(kat, null, 2)}\n`);
  process.stdout.write(`wrote ${path}\n`);
}

void main();
