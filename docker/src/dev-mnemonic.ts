// `node -r @nymts/ts-run/register docker/src/dev-mnemonic.ts <n>`: prints the mnemonic of dev
// account n, the published test vectors `nymts chain init --dev` funds (never for real funds).
import { DEV_MNEMONICS } from '@nymts/chain';

const text = process.argv[2] ?? '';
const index = Number(text);
if (!/^\d+$/.test(text) || index >= DEV_MNEMONICS.length) {
  process.stderr.write(
    `dev-mnemonic: expected a dev account from 0 to ${DEV_MNEMONICS.length - 1}, got "${text}"\n`,
  );
  process.exit(2);
}
process.stdout.write(`${DEV_MNEMONICS[index]}\n`);
