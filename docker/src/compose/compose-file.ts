// Reading docker-compose.yml as compose does: YAML 1.1 merge keys (`<<: *anchor`) resolved, then
// the service fields the checks look at, in the forms compose accepts.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type ComposeDocument = Record<string, unknown>;

export interface ServiceView {
  name: string;
  raw: Record<string, unknown>;
  profiles: string[];
  image?: string;
  build?: { context: string; dockerfile: string };
  entrypoint: string[];
  command: string[];
  restart?: string;
  healthcheck?: { test: string[] };
  ports: unknown[];
  volumes: unknown[];
  dependsOn: unknown;
  networks: unknown;
  environment: Record<string, string>;
}

export function readComposeFile(path: string): ComposeDocument {
  const document: unknown = parse(readFileSync(path, 'utf8'), { merge: true });
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new Error(`${path} is not a YAML mapping`);
  }
  return document as ComposeDocument;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Compose takes a command as a list or as one string it splits on spaces. */
function words(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter((word) => word !== '');
  return [];
}

function environment(value: unknown): Record<string, string> {
  if (Array.isArray(value)) {
    return Object.fromEntries(value.map((entry) => String(entry).split(/=(.*)/s).slice(0, 2)));
  }
  return Object.fromEntries(Object.entries(asRecord(value)).map(([key, entry]) => [key, String(entry)]));
}

export function serviceViews(document: ComposeDocument): ServiceView[] {
  return Object.entries(asRecord(document.services)).map(([name, value]) => {
    const raw = asRecord(value);
    const build = raw.build;
    const buildRecord = typeof build === 'string' ? { context: build } : asRecord(build);
    const health = asRecord(raw.healthcheck);
    return {
      name,
      raw,
      profiles: Array.isArray(raw.profiles) ? raw.profiles.map(String) : [],
      image: typeof raw.image === 'string' ? raw.image : undefined,
      build:
        build === undefined
          ? undefined
          : {
              context: String(buildRecord.context ?? '.'),
              dockerfile: String(buildRecord.dockerfile ?? 'Dockerfile'),
            },
      entrypoint: words(raw.entrypoint),
      command: words(raw.command),
      restart: typeof raw.restart === 'string' ? raw.restart : undefined,
      healthcheck: raw.healthcheck === undefined ? undefined : { test: words(health.test) },
      ports: Array.isArray(raw.ports) ? raw.ports : [],
      volumes: Array.isArray(raw.volumes) ? raw.volumes : [],
      dependsOn: raw.depends_on,
      networks: raw.networks,
      environment: environment(raw.environment),
    };
  });
}
