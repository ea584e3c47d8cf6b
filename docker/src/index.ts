export { checkCompose } from './compose/check';
export type { ComposeCheckInput } from './compose/check';
export { readComposeFile } from './compose/compose-file';
export type { ComposeDocument } from './compose/compose-file';
export { checkNymtsCall, nymtsCallsInScript, shellWords } from './compose/nymts-commands';
export type { CommandNode } from './compose/nymts-commands';
