import { abort as hostAbort } from './env';
import { regionOf } from './memory';

// Replaces AssemblyScript's `abort` (the build passes `--use abort=` pointing here): CosmWasm's
// `abort` takes one Region with a UTF-8 message, not AssemblyScript's four i32s.
export function cosmwasmAbort(
  message: string | null = null,
  fileName: string | null = null,
  line: u32 = 0,
  column: u32 = 0,
): void {
  let text = message !== null ? message : 'aborted';
  if (fileName !== null) text += ' at ' + fileName + ':' + line.toString() + ':' + column.toString();
  hostAbort(regionOf(Uint8Array.wrap(String.UTF8.encode(text))));
  unreachable();
}
