// Starts each service of the network as its own process (a `nymts …` command), sends its output
// to a log file, notices when one stops on its own, and stops them all in order.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** How to run `nymts` in a child process: the program and the arguments before the command's. */
export interface Launcher {
  command: string;
  args: string[];
}

export interface ServiceSpec {
  name: string;
  /** `nymts` arguments, e.g. ['mixnode', 'run', '--home', …]. */
  args: string[];
  logFile: string;
  /** Services stop by tier, highest first and a tier at once (clients, then nodes, then the chain). */
  tier: number;
}

export interface ServiceExit {
  name: string;
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedService {
  name: string;
  pid: number;
  logFile: string;
  tier: number;
  /** Settles when the process has exited, however it ended. */
  exited: Promise<ServiceExit>;
  running(): boolean;
}

export interface Supervisor {
  start(spec: ServiceSpec): ManagedService;
  services(): ManagedService[];
  /** Stops every service, tier by tier from the highest: SIGTERM, then SIGKILL after a grace. */
  stopAll(graceMs?: number): Promise<ServiceExit[]>;
}

export interface SupervisorDeps {
  launcher: Launcher;
  /** A service that stopped while the supervisor was not stopping it. */
  onUnexpectedExit(exit: ServiceExit): void;
  env?: NodeJS.ProcessEnv;
}

const ORPHAN_GUARD = require.resolve('./orphan-guard');
const TS_RUN = require.resolve('@nymts/ts-run/register');
export const DEFAULT_STOP_GRACE_MS = 15_000;

export function createSupervisor(deps: SupervisorDeps): Supervisor {
  const started: ManagedService[] = [];
  let stopping = false;

  function start(spec: ServiceSpec): ManagedService {
    mkdirSync(dirname(spec.logFile), { recursive: true });
    const log = openSync(spec.logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(
        deps.launcher.command,
        ['-r', TS_RUN, '-r', ORPHAN_GUARD, ...deps.launcher.args, ...spec.args],
        {
          // Its own process group: Ctrl-C reaches only the supervisor, which stops the
          // services in order instead of all of them at once.
          detached: true,
          stdio: ['ignore', log, log, 'ipc'],
          env: { ...process.env, ...deps.env, NYM_OUTPUT: 'text' },
        },
      );
    } finally {
      closeSync(log);
    }
    const pid = child.pid;
    if (pid === undefined)
      throw new Error(`could not start ${spec.name}: ${deps.launcher.command} did not spawn`);
    let alive = true;
    const exited = new Promise<ServiceExit>((resolve) => {
      child.once('exit', (code, signal) => {
        alive = false;
        const exit = { name: spec.name, pid, code, signal };
        if (!stopping) deps.onUnexpectedExit(exit);
        resolve(exit);
      });
    });
    // The IPC channel exists only so the child can tell when we are gone; we never message it.
    child.channel?.unref();
    const service: ManagedService = {
      name: spec.name,
      pid,
      logFile: spec.logFile,
      tier: spec.tier,
      exited,
      running: () => alive,
    };
    started.push(service);
    return service;
  }

  async function stopOne(service: ManagedService, graceMs: number): Promise<ServiceExit> {
    if (service.running()) signal(service.pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        if (service.running()) signal(service.pid, 'SIGKILL');
        resolve();
      }, graceMs);
    });
    await Promise.race([service.exited, killed]);
    clearTimeout(timer);
    return service.exited;
  }

  return {
    start,
    services: () => [...started],
    async stopAll(graceMs = DEFAULT_STOP_GRACE_MS) {
      stopping = true;
      const exits: ServiceExit[] = [];
      const tiers = [...new Set(started.map((service) => service.tier))].sort((a, b) => b - a);
      for (const tier of tiers) {
        const group = started.filter((service) => service.tier === tier);
        exits.push(...(await Promise.all(group.map((service) => stopOne(service, graceMs)))));
      }
      return exits;
    },
  };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
