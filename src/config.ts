import path from 'node:path';

/** Every setting Setu reads from its environment, resolved once at start-up. */
export interface SetuConfig {
  /** `postgres://…` selects a PostgreSQL server; unset selects embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  referenceDir: string;
  port: number;
  host: string;
  /** Demo mode seeds synthetic units and accounts and relaxes MFA; never on in production. */
  demo: boolean;
  /** Cookies get `Secure` when the public URL is HTTPS. */
  publicUrl: string;
  sessionIdleMinutes: number;
  /** 32-byte key (hex or base64) that encrypts TOTP secrets at rest; generated into dataDir when unset. */
  secretKey: string | undefined;
  logLevel: string;
  /** Sign-in attempts allowed per client address per minute. */
  loginRateLimitPerMinute: number;
  /** `smtp://host:port` (or smtps://, with user:password@ if needed) for e-mail notifications; unset: none sent. */
  smtpUrl: string | undefined;
  /** The From address of e-mail notifications. */
  mailFrom: string;
  /** Webhooks may target loopback and private addresses (always so in demo mode); off in production. */
  webhookAllowPrivateNetworks: boolean;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<SetuConfig> = {},
): SetuConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT ?? ''}"`);
  }
  const idle = Number(env.SETU_SESSION_IDLE_MINUTES ?? 30);
  const databaseUrl = env.DATABASE_URL?.trim() ? env.DATABASE_URL.trim() : undefined;
  return {
    databaseUrl,
    dataDir: path.resolve(env.SETU_DATA_DIR ?? '.setu'),
    referenceDir: path.resolve(env.SETU_REFERENCE_DIR ?? '../shared/data'),
    port,
    host: env.HOST ?? '127.0.0.1',
    demo: env.SETU_DEMO === '1' || env.SETU_DEMO === 'true',
    publicUrl: env.SETU_PUBLIC_URL ?? `http://localhost:${port}`,
    sessionIdleMinutes: Number.isFinite(idle) && idle > 0 ? idle : 30,
    secretKey: env.SETU_SECRET_KEY,
    logLevel: env.LOG_LEVEL ?? 'info',
    loginRateLimitPerMinute: Number(env.SETU_LOGIN_RATE_LIMIT ?? 20) || 20,
    smtpUrl: env.SETU_SMTP_URL?.trim() ? env.SETU_SMTP_URL.trim() : undefined,
    mailFrom: env.SETU_MAIL_FROM?.trim() ? env.SETU_MAIL_FROM.trim() : 'Setu <no-reply@setu.invalid>',
    webhookAllowPrivateNetworks: env.SETU_WEBHOOK_ALLOW_PRIVATE === '1',
    ...overrides,
  };
}
