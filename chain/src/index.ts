// Public names of @nymts/chain are listed here as they land.
export {};
