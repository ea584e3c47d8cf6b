import { ClientError } from '../errors';

/**
 * Loopix's knobs as Nym names them (client-core config, `DEFAULT_*`): μ is the per-hop mean delay,
 * λ = 1 / messageSendingAverageDelayMs is the rate of the real-or-cover stream, and the loop-cover
 * stream sends on its own at 1 / loopCoverTrafficAverageDelayMs.
 */
export interface TrafficTiming {
  averagePacketDelayMs: number;
  averageAckDelayMs: number;
  messageSendingAverageDelayMs: number;
  loopCoverTrafficAverageDelayMs: number;
  /** Send real packets as soon as they are ready and no cover from this stream (Nym's switch). */
  disableMainPoissonStream: boolean;
  disableLoopCoverStream: boolean;
}

/**
 * Nym's defaults in two eras. `current` (the default) is nym-client today: 15 ms per hop since
 * PR #5754 (May 2025), the same era as the Sphinx version (259) and the gateway protocol nymts
 * speaks. `nym2023` is the 2022–2024 client: 50 ms per hop, which mixes better when the network
 * carries little traffic (λ/μ per mix). The stream rates are the same in both.
 */
export const TIMING_PRESETS = {
  current: {
    averagePacketDelayMs: 15,
    averageAckDelayMs: 15,
    messageSendingAverageDelayMs: 20,
    loopCoverTrafficAverageDelayMs: 200,
    disableMainPoissonStream: false,
    disableLoopCoverStream: false,
  },
  nym2023: {
    averagePacketDelayMs: 50,
    averageAckDelayMs: 50,
    messageSendingAverageDelayMs: 20,
    loopCoverTrafficAverageDelayMs: 200,
    disableMainPoissonStream: false,
    disableLoopCoverStream: false,
  },
} as const satisfies Record<string, TrafficTiming>;

export function checkTiming(timing: TrafficTiming): TrafficTiming {
  for (const key of [
    'averagePacketDelayMs',
    'averageAckDelayMs',
    'messageSendingAverageDelayMs',
    'loopCoverTrafficAverageDelayMs',
  ] as const) {
    const value = timing[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new ClientError('bad_config', `${key} must be a finite number of milliseconds ≥ 0, got ${value}`);
    }
  }
  for (const key of ['messageSendingAverageDelayMs', 'loopCoverTrafficAverageDelayMs'] as const) {
    if (timing[key] === 0)
      throw new ClientError('bad_config', `${key} must be above 0 (disable the stream instead)`);
  }
  return timing;
}
