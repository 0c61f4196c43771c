// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { DecryptError, deriveKeys, docIdFor, newSalt, open, seal } from '../../../sync/crypto';

// Few iterations keep the test fast; the iteration count is a parameter, the algorithm is the same.
const FAST = 1_000;

describe('sync encryption', () => {
  it('round-trips a record, with a fresh IV on every write and no plaintext in the output', async () => {
    const keys = await deriveKeys('correct horse battery staple', newSalt(), FAST);
    const record = { fullName: 'Priya Raman', notes: 'Met at the IM fair', email: 'priya@example.org' };
    const a = await seal(keys.encrypt, record, 'doc1');
    const b = await seal(keys.encrypt, record, 'doc1');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(JSON.stringify(a)).not.toMatch(/Priya|fair|example/);
    expect(await open(keys.encrypt, a, 'doc1')).toEqual(record);
  });

  it('refuses a wrong passphrase, another salt, and a ciphertext moved under another id', async () => {
    const salt = newSalt();
    const keys = await deriveKeys('right', salt, FAST);
    const sealed = await seal(keys.encrypt, { x: 1 }, 'doc1');
    await expect(open((await deriveKeys('wrong', salt, FAST)).encrypt, sealed, 'doc1')).rejects.toBeInstanceOf(DecryptError);
    await expect(open((await deriveKeys('right', newSalt(), FAST)).encrypt, sealed, 'doc1')).rejects.toBeInstanceOf(DecryptError);
    await expect(open(keys.encrypt, sealed, 'doc2')).rejects.toBeInstanceOf(DecryptError);
  });

  it('gives a record the same opaque id on every device with the passphrase, and reveals nothing of it', async () => {
    const salt = newSalt();
    const one = await deriveKeys('pass', salt, FAST);
    const two = await deriveKeys('pass', salt, FAST);
    const id = await docIdFor(one, 'contacts', 'c-123');
    expect(id).toBe(await docIdFor(two, 'contacts', 'c-123'));
    expect(id).toMatch(/^r[0-9a-f]{32}$/);
    expect(id).not.toContain('contacts');
    expect(await docIdFor(one, 'templates', 'c-123')).not.toBe(id);
    expect(await docIdFor(await deriveKeys('other', salt, FAST), 'contacts', 'c-123')).not.toBe(id);
  });
});
