/**
 * One error class and one exit-code table (after marp-cli's CLIError and pandoc's handleError).
 * The library throws BriefwrightError; only cli/ catches, and anything else it catches is a bug.
 */

export const ErrorCode = {
  /** Wrong flags or arguments. */
  USAGE: 'USAGE',
  /** A config, theme or sources.json file is missing or malformed. */
  CONFIG: 'CONFIG',
  /** No input could be used at all. */
  NO_SOURCES: 'NO_SOURCES',
  /** A named input path does not exist or cannot be read (with --strict, or when nothing else is usable). */
  INPUT: 'INPUT',
  /** Templates or fonts could not be loaded or rendered. */
  RENDER: 'RENDER',
  /** The archive could not be written, is locked, or failed verification. */
  ARCHIVE: 'ARCHIVE',
  /** An archived version does not match its manifest. */
  VERIFY: 'VERIFY',
  /** Email could not be built or delivered. */
  DELIVERY: 'DELIVERY',
  /** Email reached some recipients but not all. */
  PARTIAL_DELIVERY: 'PARTIAL_DELIVERY',
  /**
   * Whether email reached some recipients is unknown: the connection ended after the message was handed
   * over and before the server answered. They are not sent it again unless asked (--resend).
   */
  DELIVERY_UNKNOWN: 'DELIVERY_UNKNOWN',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Process exit status for each code: the only such table in the project. 1 is left for bugs. */
export const exitCodes: Record<ErrorCode, number> = {
  USAGE: 2,
  CONFIG: 3,
  NO_SOURCES: 4,
  INPUT: 5,
  RENDER: 6,
  ARCHIVE: 7,
  VERIFY: 8,
  DELIVERY: 9,
  PARTIAL_DELIVERY: 10,
  DELIVERY_UNKNOWN: 11,
};

export class BriefwrightError extends Error {
  override readonly name = 'BriefwrightError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Throw a BriefwrightError; typed `never` so callers can use it in expressions. */
export function fail(code: ErrorCode, message: string, cause?: unknown): never {
  throw new BriefwrightError(code, message, cause === undefined ? undefined : { cause });
}
