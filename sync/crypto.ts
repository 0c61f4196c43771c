/**
 * End-to-end encryption of synced records (WebCrypto only, no library).
 *
 * One passphrase gives two keys through PBKDF2-SHA-256 and the database's own
 * random salt: an AES-GCM key for record bodies (a fresh 96-bit IV per write)
 * and an HMAC key that turns a record's table and id into an opaque document
 * id, so that the server learns neither which table a document belongs to nor
 * anything in its id. WebCrypto offers no memory-hard KDF (no Argon2 or
 * scrypt), so PBKDF2 with a high iteration count is the slow KDF available.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;

export interface SyncKeys {
  encrypt: CryptoKey;
  ids: CryptoKey;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(16));
}

/** Derives both keys from the passphrase; slow on purpose (about half a second), so call it once per session. */
export async function deriveKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations = PBKDF2_ITERATIONS,
): Promise<SyncKeys> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512),
  );
  const [encrypt, ids] = await Promise.all([
    crypto.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  bits.fill(0);
  return { encrypt, ids };
}

/** A sealed value as stored on the server: nothing but a random IV and the ciphertext with its tag. */
export interface Sealed {
  iv: string;
  ct: string;
}

/**
 * Encrypts `value` as JSON. `context` (the document id) is bound as additional
 * data, so the server cannot move one record's ciphertext under another id.
 */
export async function seal(key: CryptoKey, value: unknown, context: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Thrown when a ciphertext does not open with this key: a wrong passphrase, or a tampered document. */
export class DecryptError extends Error {
  override name = 'DecryptError';
}

export async function open(key: CryptoKey, sealed: Sealed, context: string): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: encoder.encode(context) },
      key,
      fromBase64(sealed.ct),
    );
  } catch {
    throw new DecryptError('This document does not open with this passphrase.');
  }
  return JSON.parse(decoder.decode(plain));
}

/** The server-side id of a record: an HMAC of its kind and id, so equal on every device with the passphrase and meaningless without it. */
export async function docIdFor(keys: SyncKeys, kind: string, id: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.ids, encoder.encode(`${kind}\u0000${id}`)));
  return `r${Array.from(mac.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
