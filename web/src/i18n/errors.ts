import i18n, { type TFunction } from 'i18next';
import { ApiError } from '../api/client';

const TRANSLATED = [
  'invalid_credentials',
  'account_locked',
  'invalid_mfa_code',
  'session_expired',
  'unauthenticated',
  'mfa_required',
  'mfa_enrolment_required',
  'mfa_not_enrolled',
  'mfa_already_enrolled',
  'no_pending_enrolment',
  'forbidden',
  'rate_limited',
  'network_error',
  'server_unavailable',
  'internal_error',
  'bad_response',
  'identity_not_authorised',
  'invalid_transition',
  'conflict',
  'unknown_place',
  'unknown_legal_section',
  'payload_too_large',
  'unsupported_media_type',
  'idempotency_key_reused',
] as const;
type TranslatedCode = (typeof TRANSLATED)[number];

const SPECIFIC_IN_ENGLISH: ReadonlySet<string> = new Set(['conflict', 'invalid_transition']);

function isTranslated(code: string): code is TranslatedCode {
  return (TRANSLATED as readonly string[]).includes(code);
}

/** True when the server has no such API route yet (as opposed to "this record was not found"). */
export function isMissingRoute(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 404 &&
    error.code === 'not_found' &&
    error.message.startsWith('There is no API route')
  );
}

/**
 * A message for a failed request in the user's language: known codes are translated, anything else
 * falls back to the server's own message (which is written for people, in English).
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (isMissingRoute(error)) return t('errors.not_available');
    if (isTranslated(error.code)) {
      // These codes cover many situations; the server's English message names the specific one.
      if (SPECIFIC_IN_ENGLISH.has(error.code) && i18n.language === 'en' && error.message)
        return error.message;
      return t(`errors.${error.code}`);
    }
    if (error.message) return error.message;
  }
  return t('errors.unexpected');
}
