import {
  GetTxRequest,
  GetTxResponse,
  SimulateRequest,
  SimulateResponse,
} from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { fromBase64, fromHex, toHexUpper } from '../../encoding/bytes';
import { sdkErrors } from '../../errors/chain-error';
import { decodeRequest, grpcInvalidArgument, grpcNotFound } from '../../errors/grpc';
import type { TxOutcome } from '../../tx/run-tx';
import type { ChainEvent } from '../events';
import type { ChainModule } from '../types';

const SERVICE = '/cosmos.tx.v1beta1.Service';

/** A committed tx as the tx index holds it. */
export interface IndexedTx {
  height: number;
  bytes: Uint8Array;
  /** CometBFT ExecTxResult JSON. */
  result: {
    code: number;
    data: string | null;
    log: string;
    gas_wanted: string;
    gas_used: string;
    events: ChainEvent[];
    codespace: string;
  };
  /** RFC 3339 block time. */
  timestamp: string;
}

export interface TxServiceDeps {
  simulate(bytes: Uint8Array): TxOutcome;
  findTx(hash: Uint8Array): IndexedTx | undefined;
}

/**
 * cosmos.tx.v1beta1.Service's Simulate and GetTx, answered through abci_query as the SDK's
 * gRPC-over-ABCI router does.
 */
export function createTxServiceModule(deps: TxServiceDeps): ChainModule {
  return {
    name: 'tx',
    queries: [
      {
        path: `${SERVICE}/Simulate`,
        handle(_ctx, request) {
          const req = decodeRequest(SimulateRequest.decode, request, 'SimulateRequest');
          const bytes =
            req.txBytes.length > 0
              ? req.txBytes
              : req.tx === undefined
                ? undefined
                : Tx.encode(req.tx).finish();
          if (bytes === undefined) throw grpcInvalidArgument('empty txBytes is not allowed');
          const outcome = deps.simulate(bytes);
          if (outcome.code !== 0) {
            throw sdkErrors.unknownRequest.wrap(
              `rpc error: code = Unknown desc = ${outcome.log} With gas wanted: '${outcome.gasWanted}' and gas used: '${outcome.gasUsed}' `,
            );
          }
          return SimulateResponse.encode({
            gasInfo: { gasWanted: BigInt(outcome.gasWanted), gasUsed: BigInt(outcome.gasUsed) },
            result: {
              data: outcome.data,
              log: outcome.log,
              events: outcome.events,
              msgResponses: outcome.msgResponses,
            },
          }).finish();
        },
      },
      {
        path: `${SERVICE}/GetTx`,
        handle(_ctx, request) {
          const { hash } = decodeRequest(GetTxRequest.decode, request, 'GetTxRequest');
          let hashBytes: Uint8Array;
          try {
            hashBytes = fromHex(hash);
          } catch {
            throw grpcInvalidArgument(`tx hash ${JSON.stringify(hash)} is not hex`);
          }
          const found = deps.findTx(hashBytes);
          if (found === undefined) throw grpcNotFound(`tx not found: ${hash}`);
          const tx = Tx.decode(found.bytes);
          const { result } = found;
          return GetTxResponse.encode({
            tx,
            txResponse: {
              height: BigInt(found.height),
              txhash: toHexUpper(hashBytes),
              codespace: result.codespace,
              code: result.code,
              data: result.data === null ? '' : toHexUpper(fromBase64(result.data)),
              rawLog: result.log,
              logs: [],
              info: '',
              gasWanted: BigInt(result.gas_wanted),
              gasUsed: BigInt(result.gas_used),
              tx: { typeUrl: '/cosmos.tx.v1beta1.Tx', value: Tx.encode(tx).finish() },
              timestamp: found.timestamp,
              events: result.events,
            },
          }).finish();
        },
      },
    ],
  };
}
