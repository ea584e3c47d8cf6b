# Sourced by the entrypoints that sign: the key of the dev account NYMTS_DEV_ACCOUNT (the published
# test mnemonics of `nymts chain init --dev`), exported as NYM_MNEMONIC for the nymts commands.
NYM_MNEMONIC="$(node -r @nymts/ts-run/register docker/src/dev-mnemonic.ts "${NYMTS_DEV_ACCOUNT:?set NYMTS_DEV_ACCOUNT}")"
export NYM_MNEMONIC
