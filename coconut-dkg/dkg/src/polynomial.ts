import { Fr, type RandomBytes, type Scalar } from '@nymts/bls12-381';

/**
 * t random coefficients (degree t − 1). Resharing fixes the constant term to the dealer's share
 * of the previous epoch, so the new sharing shares the same secret.
 */
export function randomPolynomial(threshold: number, rng: RandomBytes, constant?: Scalar): Scalar[] {
  const coefficients = Array.from({ length: threshold }, () => Fr.random(rng));
  if (constant !== undefined) coefficients[0] = Fr.create(constant);
  return coefficients;
}

/** x^0, x^1, …, x^(count−1) mod r. */
export function powers(x: Scalar, count: number): Scalar[] {
  const result: Scalar[] = [];
  let power = 1n;
  for (let k = 0; k < count; k++) {
    result.push(power);
    power = Fr.mul(power, x);
  }
  return result;
}
