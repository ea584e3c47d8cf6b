// The part of sodium-native's API this package uses (the package ships no type declarations).
declare module 'sodium-native' {
  export function crypto_generichash(output: Uint8Array, input: Uint8Array, key?: Uint8Array): void;
}
