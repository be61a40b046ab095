import pino from "pino";

/** Structured JSON logs on stdout; LOG_LEVEL=silent in tests keeps the output readable. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { service: "content-studio" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
