export { CLIENT_SOURCES, GENERATED_DIR } from './sources';
export type { ClientSource } from './sources';
export { compareWithCommitted, renderAll, TS_CODEGEN_VERSION, writeAll } from './generate';
export type { GeneratedFile } from './generate';
