import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { ChainError, sdkErrors, toAbciError } from '../errors/chain-error';
import { createGasMeter, createInfiniteGasMeter } from '../gas/meter';
import { OutOfGasError, type GasMeter } from '../gas/types';
import type { Context } from '../modules/context';
import type { ChainEvent } from '../modules/events';
import type { AnyMessage } from '../modules/types';
import { runAnte, type AnteSettings } from './ante';
import type { DecodedTx } from './decode';

/** The outcome of one tx: what ExecTxResult / ResponseCheckTx carry. */
export interface TxOutcome {
  code: number;
  codespace: string;
  log: string;
  /** TxMsgData on success, empty otherwise. */
  data: Uint8Array;
  gasWanted: number;
  gasUsed: number;
  events: ChainEvent[];
  msgResponses: AnyMessage[];
}

/**
 * Runs a tx on `base.store` the way the SDK's runTx does: the ante handler on a branch that is
 * kept when it succeeds (fee and sequence stay charged even if a message then fails), then in
 * deliver and simulate mode every message on a second branch, kept only if all succeed.
 * CheckTx stops after the ante handler.
 */
export function runTx(base: Context, tx: DecodedTx, settings: AnteSettings): TxOutcome {
  const gasLimit = tx.authInfo.fee?.gasLimit ?? 0n;
  if (gasLimit > BigInt(Number.MAX_SAFE_INTEGER)) {
    return failure(sdkErrors.invalidGasLimit.wrap(`gas limit ${gasLimit} is too large`), 0, 0, []);
  }
  const gasWanted = Number(gasLimit);
  const meter = base.mode === 'simulate' ? createInfiniteGasMeter() : createGasMeter(gasWanted);

  const anteStore = base.store.branch();
  const anteCtx = base.derive({ store: anteStore, gasMeter: meter });
  try {
    runAnte(anteCtx, tx, settings);
  } catch (error) {
    return failure(error, gasWanted, meter.consumed(), []);
  }
  anteStore.write();
  const anteEvents = [...anteCtx.events.events()];
  if (base.mode === 'check') return success(gasWanted, meter, anteEvents, []);

  const msgStore = base.store.branch();
  const events = [...anteEvents];
  const responses: AnyMessage[] = [];
  try {
    tx.messages.forEach(({ typeUrl, handler, msg }, index) => {
      const ctx = base.derive({ store: msgStore, gasMeter: meter });
      responses.push(runMessage(() => handler.handle(ctx, msg), index));
      events.push(...messageEvents(typeUrl, handler.signers(msg)[0], ctx.events.events(), index));
    });
  } catch (error) {
    return failure(error, gasWanted, meter.consumed(), anteEvents);
  }
  msgStore.write();
  return success(gasWanted, meter, events, responses);
}

function runMessage(handle: () => AnyMessage, index: number): AnyMessage {
  try {
    return handle();
  } catch (error) {
    if (error instanceof ChainError) {
      throw new ChainError(
        error.codespace,
        error.code,
        error.description,
        `failed to execute message; message index: ${index}${error.detail === undefined ? '' : `: ${error.detail}`}`,
        error.metadata,
      );
    }
    throw error;
  }
}

/**
 * baseapp's createEvents: a `message` event (action, first signer, module from the type URL
 * unless the handler emitted one) before the handler's events, all tagged with msg_index.
 */
function messageEvents(
  typeUrl: string,
  signer: string | undefined,
  emitted: readonly ChainEvent[],
  index: number,
): ChainEvent[] {
  const attributes = [{ key: 'action', value: typeUrl, index: true }];
  if (signer !== undefined) attributes.push({ key: 'sender', value: signer, index: true });
  const module = typeUrl.split('.')[1];
  const hasModule = emitted.some((event) => event.attributes.some((attribute) => attribute.key === 'module'));
  if (module !== undefined && !hasModule) attributes.push({ key: 'module', value: module, index: true });
  const msgIndex = { key: 'msg_index', value: String(index), index: true };
  return [{ type: 'message', attributes }, ...emitted].map((event) => ({
    type: event.type,
    attributes: [...event.attributes, msgIndex],
  }));
}

function success(
  gasWanted: number,
  meter: GasMeter,
  events: ChainEvent[],
  responses: AnyMessage[],
): TxOutcome {
  return {
    code: 0,
    codespace: '',
    log: '',
    data:
      responses.length === 0
        ? new Uint8Array()
        : TxMsgData.encode({ data: [], msgResponses: responses }).finish(),
    gasWanted,
    gasUsed: meter.consumed(),
    events,
    msgResponses: responses,
  };
}

function failure(error: unknown, gasWanted: number, gasUsed: number, events: ChainEvent[]): TxOutcome {
  const abci = toAbciError(error instanceof OutOfGasError ? sdkErrors.outOfGas.wrap(error.message) : error);
  return { ...abci, data: new Uint8Array(), gasWanted, gasUsed, events, msgResponses: [] };
}
