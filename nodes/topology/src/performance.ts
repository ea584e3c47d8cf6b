// The contract reports performance as a CosmWasm Decimal string ("0.95"); clients compare it with a
// threshold as a number, which is fine off-chain (no consensus depends on it). The range is checked
// on the text, where 1.000000000000000001 is still above 1.
const DECIMAL = /^(\d+)(?:\.(\d{1,18}))?$/;

/** A performance score 0…1 from its Decimal string, or a reason why it is not one. */
export function parsePerformance(
  text: string,
): { kind: 'ok'; value: number } | { kind: 'bad'; reason: string } {
  const match = DECIMAL.exec(text);
  if (match === null) return { kind: 'bad', reason: `performance "${text}" is not a decimal` };
  const whole = BigInt(match[1]!);
  const fraction = match[2] ?? '';
  if (whole > 1n || (whole === 1n && /[1-9]/.test(fraction))) {
    return { kind: 'bad', reason: `performance ${text} is above 1` };
  }
  return { kind: 'ok', value: Number(text) };
}
