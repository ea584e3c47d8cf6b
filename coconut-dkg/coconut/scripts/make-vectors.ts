// Writes test/vectors/known-answer.json. Run: node -r @nymts/ts-run/register coconut-dkg/coconut/scripts/make-vectors.ts
// The vectors are built on both backends and written only when they agree byte for byte.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadBackend } from '@nymts/bls12-381';
import { knownAnswerVectors } from './known-answer';

async function main(): Promise<void> {
  const fast = knownAnswerVectors(await loadBackend('mcl'));
  const reference = knownAnswerVectors(await loadBackend('noble'));
  const text = `${JSON.stringify(fast, null, 2)}\n`;
  if (text !== `${JSON.stringify(reference, null, 2)}\n`)
    throw new Error('the backends disagree; not writing vectors');
  const file = resolve(__dirname, '../test/vectors/known-answer.json');
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
