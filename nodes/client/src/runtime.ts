// The client takes node-common's clock and randomness, so a test drives every package the same way.
export { systemClock, cryptoRng } from '@nymts/node-common';
export type { Clock, Rng, Timer } from '@nymts/node-common';
