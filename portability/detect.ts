/**
 * Decides what a chosen file is and whether it may be read, from its size and
 * first bytes only, before the whole file is read or parsed.
 */
import { BACKUP_SIGNATURE } from './backup-format';
import { stripBom } from './csv-read';
import { MAX_BACKUP_BYTES, MAX_CSV_BYTES, MAX_JSON_BYTES, formatBytes } from './limits';
import { looksLikeConnections } from './linkedin-connections';
import { userText, type UserText } from '../model/user-text';

export type ImportKind = 'backup' | 'connections' | 'csv';

/** How many bytes of the file's start are enough to recognise it. */
export const PROBE_BYTES = 64 * 1024;

export interface FileProbe {
  name: string;
  size: number;
  /** The decoded first PROBE_BYTES of the file. */
  head: string;
}

export type Admission = { ok: true; kind: ImportKind } | { ok: false; text: UserText };

const SPREADSHEETS = /\.(xlsx|xls|numbers|ods)$/i;

export function admitFile({ name, size, head }: FileProbe): Admission {
  if (size === 0) return { ok: false, text: userText('portability.fileEmpty') };
  if (SPREADSHEETS.test(name)) {
    return { ok: false, text: userText('portability.spreadsheet') };
  }
  const body = stripBom(head);
  if (/\u0000/.test(body.slice(0, 4096))) {
    return { ok: false, text: userText('portability.notText') };
  }
  const trimmed = body.trimStart();
  const json = trimmed.startsWith('{') || trimmed.startsWith('[') || /\.json$/i.test(name);
  const kind: ImportKind = json ? 'backup' : looksLikeConnections(body) ? 'connections' : 'csv';
  const limit = kind === 'backup' ? (BACKUP_SIGNATURE.test(body) ? MAX_BACKUP_BYTES : MAX_JSON_BYTES) : MAX_CSV_BYTES;
  if (size > limit) {
    return {
      ok: false,
      text: userText('portability.tooBig', { size: formatBytes(size), kind: kind === 'backup' ? 'JSON' : 'CSV', max: formatBytes(limit) }),
    };
  }
  return { ok: true, kind };
}

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM
 * (Excel's "Unicode text"), and otherwise Windows-1252, which older Excel
 * writes for "CSV" and which UTF-8 would turn into replacement characters.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Reads the start of a file for admitFile; lenient, since the slice may cut a character in two. */
export async function probeFile(file: Blob & { name: string }): Promise<FileProbe> {
  const bytes = new Uint8Array(await file.slice(0, PROBE_BYTES).arrayBuffer());
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = utf16 ? decodeText(bytes) : new TextDecoder('utf-8').decode(bytes);
  return { name: file.name, size: file.size, head };
}

export async function readFileText(file: Blob): Promise<string> {
  return decodeText(new Uint8Array(await file.arrayBuffer()));
}
