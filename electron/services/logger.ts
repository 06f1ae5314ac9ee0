/** Structured log lines; never contains document text or secrets. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createConsoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) => {
    stream.write(`${JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })}\n`);
  };
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
