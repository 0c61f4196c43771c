/**
 * A small copy of a contact's photo, kept in the database: LinkedIn's photo
 * links are signed and expire within weeks, after which the avatar would
 * break. Fetched only from the two image hosts the manifest lists for this
 * purpose; any failure means no thumbnail, never a failed save.
 */
import { isAllowedPhotoUrl, PHOTO_HOSTS } from '../capture/photo-hosts';
import { photoThumb } from '../model/schemas';

/** Image hosts Rapport may fetch a photo from (the manifest's host_permissions list the same). */
export const THUMB_HOSTS = PHOTO_HOSTS;
export const THUMB_SIZE = 96;
const MAX_IMAGE_BYTES = 5_000_000;
const TIMEOUT_MS = 4_000;

export const isThumbnailSource = isAllowedPhotoUrl;

/** The size a thumbnail is drawn at: the longer side THUMB_SIZE, never enlarged. */
export function thumbnailSize(width: number, height: number, size = THUMB_SIZE): { width: number; height: number } {
  const scale = Math.min(1, size / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function base64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export interface ThumbDeps {
  fetch: typeof fetch;
  createImageBitmap: (blob: Blob) => Promise<{ width: number; height: number; close?(): void }>;
  makeCanvas: (width: number, height: number) => {
    getContext(kind: '2d'): { fillStyle: unknown; fillRect(...a: number[]): void; drawImage(...a: unknown[]): void } | null;
    convertToBlob(options: { type: string; quality: number }): Promise<Blob>;
  };
}

function defaultDeps(): ThumbDeps | undefined {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return undefined;
  return {
    fetch: (...args) => fetch(...args),
    createImageBitmap: (blob) => createImageBitmap(blob),
    makeCanvas: (width, height) => new OffscreenCanvas(width, height) as unknown as ReturnType<ThumbDeps['makeCanvas']>,
  };
}

/** A `data:image/jpeg;base64,…` thumbnail of the photo at `url`, or undefined. */
export async function fetchThumbnail(url: string, deps: ThumbDeps | undefined = defaultDeps()): Promise<string | undefined> {
  if (!deps || !isThumbnailSource(url)) return undefined;
  try {
    const response = await deps.fetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok || !/^image\//i.test(response.headers.get('content-type') ?? '')) return undefined;
    const blob = await response.blob();
    if (blob.size === 0 || blob.size > MAX_IMAGE_BYTES) return undefined;
    const bitmap = await deps.createImageBitmap(blob);
    const { width, height } = thumbnailSize(bitmap.width, bitmap.height);
    const canvas = deps.makeCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    // JPEG has no transparency: a transparent PNG would turn black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close?.();
    const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
    const dataUrl = `data:image/jpeg;base64,${base64(new Uint8Array(await out.arrayBuffer()))}`;
    return photoThumb.safeParse(dataUrl).success ? dataUrl : undefined;
  } catch {
    return undefined;
  }
}
