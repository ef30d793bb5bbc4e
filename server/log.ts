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
