import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '@nymts/contract-build';
import { compareWithCommitted, GENERATED_DIR } from '../src';

// Cases built from a committed file as it is, the same path with other content, and a path that
// does not exist; every generated file left out of the list counts as no longer generated.
describe('compareWithCommitted', () => {
  const indexPath = `${GENERATED_DIR}/index.ts`;
  const committed = readFileSync(join(REPOSITORY_ROOT, indexPath), 'utf8');
  const about = (differences: string[], path: string) => differences.filter((d) => d.startsWith(`${path} `));

  it('accepts a file as committed', async () => {
    expect(about(await compareWithCommitted([{ path: indexPath, content: committed }]), indexPath)).toEqual(
      [],
    );
  });

  it('reports stale, missing and no-longer-generated files', async () => {
    const missing = `${GENERATED_DIR}/Absent.client.ts`;
    const differences = await compareWithCommitted([
      { path: indexPath, content: `${committed}// changed\n` },
      { path: missing, content: '' },
    ]);
    expect(about(differences, indexPath)).toEqual([`${indexPath} is stale`]);
    expect(about(differences, missing)).toEqual([`${missing} is missing`]);
    expect(differences).toContain(`${GENERATED_DIR}/Vesting.client.ts is no longer generated`);
  });
});
