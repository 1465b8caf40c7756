/**
 * An error a person can act on. Every failure that leaves the API has a status, a stable code for
 * programs, and a message for people: `{ "error": { "code", "message", "details"? } }`.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new AppError(400, 'bad_request', message, details);
export const unauthenticated = (message = 'Sign in to continue.') =>
  new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'Your role does not allow this.') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError(409, 'conflict', message, details);

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** PostgreSQL error codes that mean the request was wrong, not the server. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code?: unknown }).code;
  const detail = (error as { detail?: unknown }).detail;
  const constraint = (error as { constraint?: unknown }).constraint;
  const extra: Record<string, unknown> = {};
  if (typeof constraint === 'string') extra.constraint = constraint;
  switch (code) {
    case '23505':
      return conflict(
        `This would duplicate an existing record${typeof detail === 'string' ? ` (${detail})` : ''}.`,
        extra,
      );
    case '23503':
      return new AppError(
        422,
        'unknown_reference',
        `A referenced record does not exist${typeof detail === 'string' ? ` (${detail})` : ''}.`,
        extra,
      );
    case '23514':
    case '23502':
      return badRequest('A value is missing or outside what is allowed for this field.', extra);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return badRequest('A value has the wrong format or is too long.', extra);
    case '42501':
      return new AppError(403, 'forbidden', 'Your jurisdiction does not allow this.');
    default:
      return undefined;
  }
}
