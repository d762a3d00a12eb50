/** Where the supervisor reports what it did (pino's logger fits). */
export interface SupervisorLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}
