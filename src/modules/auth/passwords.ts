import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// Algorithm.Argon2id is an ambient const enum, which isolated modules cannot read; its value is 2.
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the username is unknown keeps the response time the same either way.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not a real password, only for equal timing');
  await verifyPassword(await dummyHash, password);
}

/** Returns what is wrong with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length < 12) return 'The password must have at least 12 characters.';
  if (password.length > 256) return 'The password must have at most 256 characters.';
  if (password.toLowerCase().includes(username.toLowerCase()))
    return 'The password must not contain the username.';
  if (new Set(password).size < 5)
    return 'The password repeats too few characters; choose a less predictable one.';
  return undefined;
}
