import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bufferIo, createProgram } from '@nymts/cli';
import { parse } from 'yaml';
import {
  checkCompose,
  checkNymtsCall,
  type ComposeDocument,
  nymtsCallsInScript,
  readComposeFile,
  shellWords,
} from '../src';

// docker-compose.yml is checked against the repository and the real nymts command tree, since no
// Docker engine runs here; then each rule is shown to catch the break it exists for.

const ROOT = resolve(__dirname, '../..');
const program = createProgram({ io: bufferIo(), signal: new AbortController().signal });
const original = readComposeFile(join(ROOT, 'docker-compose.yml'));

type Mutable = Record<string, Record<string, Record<string, unknown>>>;

/** The problems of the compose file after `change` is applied to a copy of it. */
function problemsAfter(change: (document: Mutable) => void): string[] {
  const document = structuredClone(original) as Mutable;
  change(document);
  return checkCompose({ root: ROOT, document: document as ComposeDocument, program });
}

const services = (document: Mutable) => document.services as Record<string, Record<string, unknown>>;

describe('docker-compose.yml', () => {
  it('is consistent with the repository and the nymts command tree', () => {
    expect(checkCompose({ root: ROOT, program })).toEqual([]);
  });

  it('runs the network: chain, deploy, 6 mix nodes, 2 gateways, epochs, topology, a client; wasmd as a profile', () => {
    const all = original.services as Record<string, Record<string, unknown>>;
    const entrypoint = (name: string) => (all[name]!.entrypoint as string[]).join(' ');
    const byEntrypoint = (script: string) =>
      Object.keys(all).filter((name) => all[name]!.entrypoint?.toString().includes(script));
    expect(byEntrypoint('mixnode.sh')).toHaveLength(6);
    expect(byEntrypoint('gateway.sh')).toHaveLength(2);
    expect(entrypoint('chain')).toContain('chain.sh');
    expect(entrypoint('epochs')).toContain('epochs.sh');
    expect(entrypoint('client')).toContain('client.sh');
    expect(entrypoint('topology')).toContain('topology-cli.ts');
    const defaults = Object.keys(all).filter((name) => all[name]!.profiles === undefined);
    const wasmdProfile = Object.keys(all).filter((name) =>
      (all[name]!.profiles as string[] | undefined)?.includes('wasmd'),
    );
    expect(wasmdProfile.sort()).toEqual(['deploy-wasmd', 'wasmd']);
    // The same deploy entry against each chain.
    expect(entrypoint('deploy-wasmd')).toBe(entrypoint('deploy'));
    expect((all['deploy-wasmd']!.environment as Record<string, string>).NYM_NODE).toBe('http://wasmd:26657');
    expect((all.deploy!.environment as Record<string, string>).NYM_NODE).toBe('http://chain:26657');
    expect(defaults).toEqual(
      expect.arrayContaining(['chain', 'deploy', 'epochs', 'topology', 'gateway1', 'gateway2', 'client']),
    );
  });

  it('parses as plain YAML too, with anchors only where compose resolves them', () => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(() => parse(text, { merge: true, uniqueKeys: true })).not.toThrow();
  });
});

describe('the compose check catches', () => {
  it('ports published beyond 127.0.0.1, or twice', () => {
    expect(problemsAfter((d) => void (services(d).chain!.ports = ['26657:26657']))).toEqual([
      'chain: port "26657:26657" is not published on 127.0.0.1:<port>',
    ]);
    expect(problemsAfter((d) => void (services(d).mix2!.ports = ['127.0.0.1:8001:8000']))).toEqual([
      'mix2: host port 8001/tcp is also published by mix1',
    ]);
    expect(
      problemsAfter(
        (d) => void (services(d).mix2!.ports = [{ host_ip: '0.0.0.0', published: 8002, target: 8000 }]),
      ),
    ).toEqual([
      'mix2: port {"host_ip":"0.0.0.0","published":8002,"target":8000} is not published on 127.0.0.1:<port>',
    ]);
  });

  it('volumes that are not declared, not used, or bind mounts that do not exist', () => {
    expect(
      problemsAfter(
        (d) => void (services(d).mix1!.volumes = ['mix-one:/data', 'deployments:/deployments:ro']),
      ),
    ).toEqual([
      'mix1: volume mix-one is not declared under volumes',
      'volume mix1-data is declared but no service uses it',
    ]);
    expect(
      problemsAfter((d) => void (services(d).deploy!.volumes = ['./nowhere:/x', 'deployments:/deployments'])),
    ).toEqual(['deploy: bind mount ./nowhere does not exist']);
  });

  it('start orders that cannot work', () => {
    expect(
      problemsAfter(
        (d) => void (services(d).deploy!.depends_on = { chian: { condition: 'service_healthy' } }),
      ),
    ).toEqual(['deploy: depends on chian, which is not a service']);
    expect(
      problemsAfter((d) => void (services(d).deploy!.depends_on = { chain: { condition: 'healthy' } })),
    ).toEqual([
      'deploy: depends on chain with condition "healthy", not one of service_started, service_healthy, service_completed_successfully',
    ]);
    expect(problemsAfter((d) => void (services(d).deploy!.depends_on = ['chain']))).toEqual([
      'deploy: depends_on is a list; give each service a condition',
    ]);
    expect(
      problemsAfter(
        (d) =>
          void (services(d).epochs!.depends_on = { mix1: { condition: 'service_completed_successfully' } }),
      ),
    ).toEqual(['epochs: waits for mix1 to complete, but mix1 restarts (restart: on-failure)']);
    expect(
      problemsAfter(
        (d) =>
          void (services(d).epochs!.depends_on = {
            'deploy-wasmd': { condition: 'service_completed_successfully' },
          }),
      ),
    ).toEqual(['epochs: depends on deploy-wasmd, which only runs with --profile wasmd']);
  });

  it('health checks that are missing or malformed', () => {
    expect(problemsAfter((d) => void delete services(d).chain!.healthcheck)).toEqual([
      'deploy: waits for chain to be healthy, but chain has no healthcheck',
      'chain: runs continuously but has no healthcheck',
    ]);
    expect(problemsAfter((d) => void (services(d).wasmd!.healthcheck = { test: ['curl', 'x'] }))).toEqual([
      'wasmd: healthcheck test must start with CMD or CMD-SHELL',
    ]);
    expect(
      problemsAfter(
        (d) => void (services(d).mix1!.healthcheck = { test: ['CMD', 'node', '/app/docker/bin/ok.mjs'] }),
      ),
    ).toEqual(['mix1: /app/docker/bin/ok.mjs does not exist in the repository']);
  });

  it('builds and images that do not exist', () => {
    expect(
      problemsAfter(
        (d) => void (services(d).wasmd!.build = { context: 'docker/wasm', dockerfile: 'Dockerfile' }),
      ),
    ).toEqual(['wasmd: build context docker/wasm is not a folder']);
    expect(
      problemsAfter((d) => void (services(d).wasmd!.build = { context: 'docker', dockerfile: 'Dockerfile' })),
    ).toEqual(['wasmd: Dockerfile docker/Dockerfile is missing']);
    expect(
      problemsAfter(
        (d) =>
          void (services(d).wasmd!.build = {
            context: 'docker/entrypoints',
            dockerfile: '../wasmd/Dockerfile',
          }),
      ),
    ).toEqual(['wasmd: ../wasmd/Dockerfile copies init.sh, which is not in docker/entrypoints']);
    expect(
      problemsAfter((d) => {
        delete services(d).wasmd!.build;
        services(d).wasmd!.image = 'wasmd:local';
      }),
    ).toEqual(['wasmd: image wasmd:local is local but no service builds it']);
    expect(
      problemsAfter(
        (d) => void (services(d).mix1!.build = { context: 'docker/wasmd', dockerfile: 'Dockerfile' }),
      ),
    ).toEqual(['mix1: image nymts:local is built from two different Dockerfiles']);
  });

  it('entrypoints that are missing, not executable, or call commands nymts does not have', () => {
    expect(
      problemsAfter((d) => void (services(d).chain!.entrypoint = ['/app/docker/entrypoints/chian.sh'])),
    ).toEqual(['chain: /app/docker/entrypoints/chian.sh does not exist in the repository']);
    expect(
      problemsAfter((d) => void (services(d).chain!.entrypoint = ['/app/docker/entrypoints/dev-account.sh'])),
    ).toEqual([
      'chain: entrypoint /app/docker/entrypoints/dev-account.sh is not an executable script with a #! line',
    ]);
    expect(problemsAfter((d) => void (services(d).chain!.entrypoint = ['nymts', 'chain', 'begin']))).toEqual([
      'chain: "chain begin" is not a nymts command (chain has: init, start)',
    ]);
    expect(
      problemsAfter(
        (d) => void (services(d).chain!.entrypoint = ['npx', 'nymts', 'chain', 'start', '--home', 'x']),
      ),
    ).toEqual([
      'chain: runs npx, which does not pass SIGTERM on: docker stop would kill the service uncleanly',
    ]);
    expect(
      problemsAfter((d) => {
        delete services(d).chain!.entrypoint;
        services(d).chain!.command = ['chain', 'start', '--home', '/data', '--rpc-port', '1'];
      }),
    ).toEqual(['chain: "nymts chain start" has no option --rpc-port']);
  });

  it('networks and addresses that do not fit', () => {
    expect(problemsAfter((d) => void (services(d).mix1!.networks = { other: {} }))).toEqual([
      'mix1: network other is not declared under networks',
    ]);
    expect(
      problemsAfter((d) => void (services(d).mix1!.networks = { nymnet: { ipv4_address: '10.0.0.1' } })),
    ).toEqual(['mix1: address 10.0.0.1 is not in a subnet of network nymnet']);
    expect(
      problemsAfter((d) => void (services(d).mix1!.networks = { nymnet: { ipv4_address: '172.29.77.12' } })),
    ).toEqual(['mix2: address 172.29.77.12 is also given to mix1']);
  });

  it('a $ that compose would refuse to interpolate', () => {
    expect(
      problemsAfter(
        (d) => void (services(d).epochs!.healthcheck = { test: ['CMD-SHELL', 'test -n "$(date)"'] }),
      ),
    ).toEqual([
      'services.epochs.healthcheck.test[1]: a $ that compose cannot interpolate (write $$ for a literal $)',
    ]);
  });

  it('URLs that name no service', () => {
    expect(
      problemsAfter(
        (d) =>
          void ((services(d).deploy!.environment as Record<string, string>).NYM_NODE = 'http://chian:26657'),
      ),
    ).toEqual(['deploy: NYM_NODE points at chian, which is not a service']);
  });
});

describe('nymts calls in scripts', () => {
  it('are found through npx, exec and conditions, with continued lines and quoted words', () => {
    const script = [
      '#!/bin/sh',
      '# nymts mentioned in a comment is no call',
      'npx nymts chain init --home "$home" \\',
      '  --dev',
      'if npx nymts mixnet epoch; then echo ok; fi',
      'npx nymts mixnet epoch --output json 2>/dev/null | head -1 && echo done',
      'exec npx nymts mixnode run --home "$home"',
      'echo "nymts is not run here"',
    ].join('\n');
    expect(nymtsCallsInScript(script)).toEqual([
      ['chain', 'init', '--home', '$home', '--dev'],
      ['mixnet', 'epoch'],
      ['mixnet', 'epoch', '--output', 'json'],
      ['mixnode', 'run', '--home', '$home'],
    ]);
    expect(shellWords(`a "b c" 'd e' f # g`)).toEqual(['a', 'b c', 'd e', 'f']);
  });

  it('are checked down to the leaf command and its options, global ones included', () => {
    expect(checkNymtsCall(program, ['chain', 'start', '--home', 'x', '--output', 'json'])).toEqual([]);
    expect(checkNymtsCall(program, ['chain'])).toEqual(['"nymts chain" needs a subcommand']);
    expect(checkNymtsCall(program, ['chian', 'start'])[0]).toMatch(
      /^"chian" is not a nymts command \(commands: chain, /,
    );
    expect(checkNymtsCall(program, ['mixnode', 'init', '--announce-hots', 'x'])).toEqual([
      '"nymts mixnode init" has no option --announce-hots',
    ]);
  });
});

describe('the images', () => {
  function filesUnder(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
    );
  }

  it('have shell scripts that parse', () => {
    const scripts = filesUnder(join(ROOT, 'docker')).filter((file) => file.endsWith('.sh'));
    for (const script of scripts) {
      expect([script, spawnSync('sh', ['-n', script], { encoding: 'utf8' }).stderr]).toEqual([script, '']);
    }
  });

  it('have executable scripts wherever a script has a #! line, and none elsewhere', () => {
    const scripts = filesUnder(join(ROOT, 'docker')).filter((file) => file.endsWith('.sh'));
    expect(scripts.length).toBeGreaterThanOrEqual(6);
    for (const script of scripts) {
      const executable = (statSync(script).mode & 0o111) !== 0;
      expect([script, executable]).toEqual([script, readFileSync(script, 'utf8').startsWith('#!')]);
    }
  });

  it('start TypeScript services through nymts on node 20', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-[\w-]*slim\b/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["nymts"\]$/m);
    expect(dockerfile).toMatch(/^ENV PATH=\/app\/node_modules\/\.bin:\$PATH$/m);
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.git']));
  });
});
