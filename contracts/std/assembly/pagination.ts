// Paged queries: a caller's `limit` is clamped to the contract's maximum, and `start_after`
// becomes an exclusive lower bound.

export function pageLimit(requested: u32, hasRequested: bool, defaultLimit: u32, maxLimit: u32): i32 {
  const limit = hasRequested ? requested : defaultLimit;
  return (limit < maxLimit ? limit : maxLimit) as i32;
}
