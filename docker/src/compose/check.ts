// Checks a compose file against the repository it lives in, for machines without a Docker engine:
// builds, ports, volumes, start order, health checks, profiles, networks, the files and scripts the
// services run, and every `nymts` command they call. Each problem names the service and says what
// is wrong; an empty list means the file is consistent.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import { join, posix } from 'node:path';
import {
  asRecord,
  type ComposeDocument,
  readComposeFile,
  serviceViews,
  type ServiceView,
} from './compose-file';
import { checkNymtsCall, type CommandNode, nymtsCallsInScript } from './nymts-commands';

export interface ComposeCheckInput {
  /** The folder of the compose file: build contexts and bind mounts are relative to it. */
  root: string;
  /** The parsed file; read from `<root>/docker-compose.yml` when absent. */
  document?: ComposeDocument;
  /** The nymts command tree (`createProgram(…)` of @nymts/cli). */
  program: CommandNode;
  /** Where the image keeps the repository (the Dockerfile's WORKDIR). */
  imageRoot?: string;
}

const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

interface Context {
  root: string;
  imageRoot: string;
  services: ServiceView[];
  document: ComposeDocument;
  program: CommandNode;
}

type Rule = (context: Context) => string[];

/** The file a path inside the image stands for in the repository, when it is one of ours. */
function repositoryPath(context: Context, path: string): string | undefined {
  if (path.startsWith(`${context.imageRoot}/`))
    return join(context.root, path.slice(context.imageRoot.length + 1));
  return undefined;
}

function isExecutableScript(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return false;
  }
  return readFileSync(path, 'utf8').startsWith('#!');
}

/** The ENTRYPOINT of a Dockerfile in exec form, or [] when it has none. */
function dockerfileEntrypoint(text: string): string[] {
  const line = text.split('\n').findLast((entry) => /^ENTRYPOINT\s/.test(entry));
  if (line === undefined) return [];
  return JSON.parse(line.replace(/^ENTRYPOINT\s+/, '')) as string[];
}

const builds: Rule = ({ root, services }) => {
  const problems: string[] = [];
  const buildOfImage = new Map<string, string>();
  for (const service of services) {
    if (service.build === undefined) continue;
    const context = join(root, service.build.context);
    const dockerfile = join(context, service.build.dockerfile);
    const key = `${service.build.context} ${service.build.dockerfile}`;
    if (service.image !== undefined) {
      const other = buildOfImage.get(service.image);
      if (other !== undefined && other !== key) {
        problems.push(`${service.name}: image ${service.image} is built from two different Dockerfiles`);
      }
      if (other === undefined) buildOfImage.set(service.image, key);
    }
    if (!existsSync(context) || !statSync(context).isDirectory()) {
      problems.push(`${service.name}: build context ${service.build.context} is not a folder`);
      continue;
    }
    if (!existsSync(dockerfile)) {
      problems.push(
        `${service.name}: Dockerfile ${join(service.build.context, service.build.dockerfile)} is missing`,
      );
      continue;
    }
    for (const line of readFileSync(dockerfile, 'utf8').split('\n')) {
      const copy = /^COPY\s+(?!--from)(.*)$/.exec(line);
      if (copy === null) continue;
      const sources = copy[1]!
        .split(/\s+/)
        .filter((word) => !word.startsWith('--'))
        .slice(0, -1);
      for (const source of sources) {
        if (!existsSync(join(context, source))) {
          problems.push(
            `${service.name}: ${service.build.dockerfile} copies ${source}, which is not in ${service.build.context}`,
          );
        }
      }
    }
  }
  for (const service of services) {
    if (service.build !== undefined) continue;
    if (service.image === undefined) problems.push(`${service.name}: has neither an image nor a build`);
    else if (service.image.endsWith(':local') && !buildOfImage.has(service.image)) {
      problems.push(`${service.name}: image ${service.image} is local but no service builds it`);
    }
  }
  return problems;
};

const ports: Rule = ({ services }) => {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const service of services) {
    for (const entry of service.ports) {
      let hostIp: string | undefined;
      let published: string | undefined;
      let protocol: string;
      if (typeof entry === 'string' || typeof entry === 'number') {
        const match = /^(?:([\d.]+):)?(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/.exec(String(entry));
        hostIp = match?.[1];
        published = match?.[2];
        protocol = match?.[4] ?? 'tcp';
      } else {
        const record = asRecord(entry);
        hostIp = record.host_ip === undefined ? undefined : String(record.host_ip);
        published = record.published === undefined ? undefined : String(record.published);
        protocol = String(record.protocol ?? 'tcp');
      }
      if (hostIp !== '127.0.0.1' || published === undefined) {
        problems.push(`${service.name}: port ${JSON.stringify(entry)} is not published on 127.0.0.1:<port>`);
        continue;
      }
      const key = `${published}/${protocol}`;
      const owner = owners.get(key);
      if (owner !== undefined)
        problems.push(`${service.name}: host port ${key} is also published by ${owner}`);
      owners.set(key, service.name);
    }
  }
  return problems;
};

const volumes: Rule = ({ root, services, document }) => {
  const problems: string[] = [];
  const declared = new Set(Object.keys(asRecord(document.volumes)));
  const used = new Set<string>();
  for (const service of services) {
    for (const entry of service.volumes) {
      const source = typeof entry === 'string' ? entry.split(':')[0]! : String(asRecord(entry).source ?? '');
      if (typeof entry === 'string' && !entry.includes(':')) continue; // an anonymous volume
      if (source.startsWith('.') || source.startsWith('/')) {
        if (source.startsWith('.') && !existsSync(join(root, source))) {
          problems.push(`${service.name}: bind mount ${source} does not exist`);
        }
        continue;
      }
      used.add(source);
      if (!declared.has(source))
        problems.push(`${service.name}: volume ${source} is not declared under volumes`);
    }
  }
  for (const name of declared)
    if (!used.has(name)) problems.push(`volume ${name} is declared but no service uses it`);
  return problems;
};

const dependencies: Rule = ({ services }) => {
  const problems: string[] = [];
  const byName = new Map(services.map((service) => [service.name, service]));
  for (const service of services) {
    if (service.dependsOn === undefined) continue;
    if (Array.isArray(service.dependsOn)) {
      problems.push(`${service.name}: depends_on is a list; give each service a condition`);
      continue;
    }
    for (const [target, spec] of Object.entries(asRecord(service.dependsOn))) {
      const condition = String(asRecord(spec).condition);
      const dependency = byName.get(target);
      if (dependency === undefined) {
        problems.push(`${service.name}: depends on ${target}, which is not a service`);
        continue;
      }
      if (!CONDITIONS.has(condition)) {
        problems.push(
          `${service.name}: depends on ${target} with condition "${condition}", not one of ${[...CONDITIONS].join(', ')}`,
        );
      }
      if (condition === 'service_healthy' && dependency.healthcheck === undefined) {
        problems.push(`${service.name}: waits for ${target} to be healthy, but ${target} has no healthcheck`);
      }
      if (condition === 'service_completed_successfully' && dependency.restart !== 'no') {
        problems.push(
          `${service.name}: waits for ${target} to complete, but ${target} restarts (restart: ${dependency.restart ?? 'unset'})`,
        );
      }
      const missingProfiles = dependency.profiles.filter((profile) => !service.profiles.includes(profile));
      if (dependency.profiles.length > 0 && missingProfiles.length === dependency.profiles.length) {
        problems.push(
          `${service.name}: depends on ${target}, which only runs with --profile ${dependency.profiles.join('/')}`,
        );
      }
    }
  }
  return problems;
};

const healthchecks: Rule = ({ services }) => {
  const problems: string[] = [];
  for (const service of services) {
    if (service.healthcheck === undefined) {
      if (service.restart !== 'no')
        problems.push(`${service.name}: runs continuously but has no healthcheck`);
      continue;
    }
    const [kind] = service.healthcheck.test;
    if (kind !== 'CMD' && kind !== 'CMD-SHELL') {
      problems.push(`${service.name}: healthcheck test must start with CMD or CMD-SHELL`);
    }
  }
  return problems;
};

/** Measured with npm 11: `npx` starts the command as a child and does not pass SIGTERM on. */
const NPX_PROBLEM = 'runs npx, which does not pass SIGTERM on: docker stop would kill the service uncleanly';

/** The `nymts` argument lists a service runs: through the image's entrypoint, its own, or its script. */
function nymtsCalls(context: Context, service: ServiceView, problems: string[]): string[][] {
  const calls: string[][] = [];
  const [first, ...rest] = service.entrypoint;
  if (first === undefined) {
    const dockerfile =
      service.build === undefined
        ? undefined
        : join(context.root, service.build.context, service.build.dockerfile);
    const entrypoint =
      dockerfile !== undefined && existsSync(dockerfile)
        ? dockerfileEntrypoint(readFileSync(dockerfile, 'utf8'))
        : [];
    if (entrypoint[0] === 'npx') problems.push(`${service.name}: ${NPX_PROBLEM} (the image's ENTRYPOINT)`);
    if (entrypoint.join(' ') === 'nymts') calls.push(service.command);
    return calls;
  }
  if (first === 'npx') {
    problems.push(`${service.name}: ${NPX_PROBLEM}`);
    return rest[0] === 'nymts' ? [[...rest.slice(1), ...service.command]] : calls;
  }
  if (first === 'nymts') return [[...rest, ...service.command]];
  const script = repositoryPath(context, first);
  if (script === undefined || !existsSync(script)) return calls;
  if (!isExecutableScript(script))
    problems.push(`${service.name}: entrypoint ${first} is not an executable script with a #! line`);
  const text = readFileSync(script, 'utf8');
  if (/^[^#\n]*\bnpx\s/m.test(text)) problems.push(`${service.name}: ${first}: ${NPX_PROBLEM}`);
  const sourced = [...text.matchAll(/^\s*\.\s+"\$\(dirname "\$0"\)\/([\w.-]+)"/gm)].map((match) =>
    posix.join(posix.dirname(first), match[1]!),
  );
  for (const file of sourced) {
    const path = repositoryPath(context, file)!;
    if (!existsSync(path)) problems.push(`${service.name}: ${first} sources ${file}, which does not exist`);
    else calls.push(...nymtsCallsInScript(readFileSync(path, 'utf8')));
  }
  for (const match of text.matchAll(/(?<![\w/])(docker\/[\w./-]+)/g)) {
    if (!existsSync(join(context.root, match[1]!)))
      problems.push(`${service.name}: ${first} runs ${match[1]}, which does not exist`);
  }
  calls.push(...nymtsCallsInScript(text));
  return calls;
}

const filesAndCommands: Rule = (context) => {
  const problems: string[] = [];
  for (const service of context.services) {
    const words = [...service.entrypoint, ...service.command, ...(service.healthcheck?.test ?? [])];
    for (const word of words) {
      const path = repositoryPath(context, word);
      if (path !== undefined && !existsSync(path))
        problems.push(`${service.name}: ${word} does not exist in the repository`);
    }
    for (const call of nymtsCalls(context, service, problems)) {
      for (const problem of checkNymtsCall(context.program, call))
        problems.push(`${service.name}: ${problem}`);
    }
  }
  return problems;
};

function subnetContains(subnet: string, address: string): boolean {
  const [base, bits] = subnet.split('/') as [string, string];
  const toNumber = (ip: string) => ip.split('.').reduce((total, part) => total * 256 + Number(part), 0);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toNumber(address) / size) === Math.floor(toNumber(base) / size);
}

const networks: Rule = ({ services, document }) => {
  const problems: string[] = [];
  const declared = asRecord(document.networks);
  const addresses = new Map<string, string>();
  for (const service of services) {
    const attached = Array.isArray(service.networks)
      ? service.networks.map((name) => [String(name), {}] as const)
      : Object.entries(asRecord(service.networks));
    for (const [name, settings] of attached) {
      if (!(name in declared)) {
        problems.push(`${service.name}: network ${name} is not declared under networks`);
        continue;
      }
      const address = asRecord(settings).ipv4_address;
      if (address === undefined) continue;
      const subnets = ((asRecord(asRecord(declared[name]).ipam).config as unknown[] | undefined) ?? []).map(
        (entry) => String(asRecord(entry).subnet),
      );
      if (!isIPv4(String(address)) || !subnets.some((subnet) => subnetContains(subnet, String(address)))) {
        problems.push(`${service.name}: address ${String(address)} is not in a subnet of network ${name}`);
      }
      const other = addresses.get(String(address));
      if (other !== undefined)
        problems.push(`${service.name}: address ${String(address)} is also given to ${other}`);
      addresses.set(String(address), service.name);
    }
  }
  return problems;
};

/** http://<service>:<port> in the environment must name a service (compose DNS resolves only those). */
const serviceUrls: Rule = ({ services }) => {
  const problems: string[] = [];
  const names = new Set(services.map((service) => service.name));
  for (const service of services) {
    for (const [key, value] of Object.entries(service.environment)) {
      const resolved = value.replace(/\$\{\w+:-([^}]*)\}/g, '$1');
      for (const match of resolved.matchAll(/https?:\/\/([a-z][\w-]*):\d+/g)) {
        if (!names.has(match[1]!))
          problems.push(`${service.name}: ${key} points at ${match[1]}, which is not a service`);
      }
    }
  }
  return problems;
};

/** Every string value, with where it sits, for rules that read all of them. */
function strings(value: unknown, where: string): Array<[string, string]> {
  if (typeof value === 'string') return [[where, value]];
  if (Array.isArray(value)) return value.flatMap((entry, index) => strings(entry, `${where}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, entry]) =>
      strings(entry, where === '' ? key : `${where}.${key}`),
    );
  }
  return [];
}

/** Compose reads `$NAME`, `${…}` and `$$` in every value and refuses any other `$` (a shell's `$(…)`). */
const interpolation: Rule = ({ document }) =>
  strings(document, '')
    .filter(([, value]) => /\$(?![{A-Za-z_])/.test(value.replace(/\$\$/g, '')))
    .map(([where]) => `${where}: a $ that compose cannot interpolate (write $$ for a literal $)`);

const RULES: readonly Rule[] = [
  builds,
  ports,
  volumes,
  dependencies,
  healthchecks,
  filesAndCommands,
  networks,
  serviceUrls,
  interpolation,
];

export function checkCompose(input: ComposeCheckInput): string[] {
  const document = input.document ?? readComposeFile(join(input.root, 'docker-compose.yml'));
  const context: Context = {
    root: input.root,
    imageRoot: input.imageRoot ?? '/app',
    services: serviceViews(document),
    document,
    program: input.program,
  };
  if (context.services.length === 0) return ['the file has no services'];
  return RULES.flatMap((rule) => rule(context));
}
