import { Bls12381Error, DEFAULT_BACKEND, loadBackend, nobleBackend, parseBackendName } from '../src';

describe('choosing a backend', () => {
  it('defaults to mcl and hands out one shared instance per backend', async () => {
    expect(DEFAULT_BACKEND).toBe('mcl');
    const backend = await loadBackend();
    expect(backend.name).toBe('mcl');
    expect(await loadBackend('mcl')).toBe(backend);
    expect(await loadBackend('noble')).toBe(nobleBackend());
  });

  it('parses configuration values and names the choices on a bad one', () => {
    expect(parseBackendName('noble')).toBe('noble');
    expect(() => parseBackendName('blst')).toThrow(Bls12381Error);
    expect(() => parseBackendName('blst')).toThrow(/mcl or noble/);
  });
});
