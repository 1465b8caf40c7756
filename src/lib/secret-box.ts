import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Encrypts small secrets at rest (TOTP seeds) with AES-256-GCM under the server's key. */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKeyText(text: string): SecretBox {
    const trimmed = text.trim();
    const key = /^[0-9a-f]{64}$/i.test(trimmed)
      ? Buffer.from(trimmed, 'hex')
      : Buffer.from(trimmed, 'base64');
    if (key.length !== 32) throw new Error('SETU_SECRET_KEY must be 32 bytes, as 64 hex digits or base64');
    return new SecretBox(key);
  }

  /**
   * The key comes from SETU_SECRET_KEY; an embedded installation without one keeps a generated key
   * beside its data (mode 0600), so a fresh machine starts with no setup.
   */
  static load(keyText: string | undefined, dataDir: string | undefined): SecretBox {
    if (keyText) return SecretBox.fromKeyText(keyText);
    if (!dataDir) throw new Error('SETU_SECRET_KEY is required when Setu runs on a PostgreSQL server');
    const file = path.join(dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    return SecretBox.fromKeyText(fs.readFileSync(file, 'utf8'));
  }

  static random(): SecretBox {
    return new SecretBox(crypto.randomBytes(32));
  }

  seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('sealed secret has an unknown format');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
