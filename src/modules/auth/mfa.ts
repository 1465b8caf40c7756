import crypto from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { sha256Hex } from '../../lib/secret-box.ts';

export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'Setu', label: username, secret, period: TOTP_PERIOD_SECONDS });
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. Returns the time step the code
 * belongs to, so the caller can refuse a step already used (replay), or undefined when the code is wrong.
 */
export async function checkTotp(secret: string, code: string, now = Date.now()): Promise<number | undefined> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const currentStep = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
  for (const step of [currentStep, currentStep - 1, currentStep + 1]) {
    const result = await verify({
      secret,
      token,
      epoch: step * TOTP_PERIOD_SECONDS,
      period: TOTP_PERIOD_SECONDS,
    });
    if (result.valid) return step;
  }
  return undefined;
}

/** Ten one-time recovery codes like `k7qm-2x9d-p4wt`; only their hashes are stored. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const chars = Array.from(crypto.randomBytes(12), (byte) => alphabet[byte % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return sha256Hex(code.trim().toLowerCase().replace(/\s+/g, ''));
}
