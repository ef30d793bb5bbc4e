import pino from 'pino'

export type Logger = pino.Logger

/** One logger per process; phone numbers and tokens never reach the log. */
export function createLogger(level: string, pretty = false): Logger {
  return pino({
    level,
    redact: { paths: ['phone', '*.phone', 'token', '*.token', 'authorization', '*.authorization', 'idCard', '*.idCard'], censor: '[已隐去]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  })
}

/** For the command-line tools, whose stdout holds their output and nothing else: logs go to stderr. */
export const stderrLogger = (level = process.env.LOG_LEVEL ?? 'warn'): Logger => pino({ level }, pino.destination(2))
