/** The slice of a pino logger the gateway uses, so tests and the shell can pass their own. */
export interface GatewayLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export const silentLogger: GatewayLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
};
