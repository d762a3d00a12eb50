export { startEmbeddedPostgres, type EmbeddedPostgres, type StartOptions } from './supervisor';
export type { SupervisorLog } from './supervisor-log';
export { DataDirInUseError, EmbeddedPostgresError } from './errors';
export { runningClusterConnection } from './attach';
