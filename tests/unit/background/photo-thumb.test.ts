// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { describe, expect, it, vi } from 'vitest';
import { base64, fetchThumbnail, isThumbnailSource, thumbnailSize, type ThumbDeps } from '../../../background/photo-thumb';
import { photoThumb } from '../../../model/schemas';

const LINKEDIN_PHOTO = 'https://media.licdn.com/dms/image/v2/C5603AQExample/profile-displayphoto-shrink_200_200/0/1690000000000?e=1&v=beta&t=abc';

function deps(overrides: Partial<ThumbDeps> = {}, drawn: number[][] = []): ThumbDeps {
  return {
    fetch: vi.fn(async () => new Response(new Blob([new Uint8Array([1, 2, 3])]), { headers: { 'content-type': 'image/jpeg' } })),
    createImageBitmap: vi.fn(async () => ({ width: 400, height: 300, close: vi.fn() })),
    makeCanvas: (width, height) => ({
      getContext: () => ({ fillStyle: '', fillRect: vi.fn(), drawImage: (...args: unknown[]) => drawn.push([width, height, ...(args.slice(3) as number[])]) }),
      convertToBlob: async () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' }),
    }),
    ...overrides,
  };
}

describe('photo thumbnails', () => {
  it('fetches only from LinkedIn’s and Doximity’s image hosts, over https', () => {
    expect(isThumbnailSource(LINKEDIN_PHOTO)).toBe(true);
    expect(isThumbnailSource('https://doximity-res.cloudinary.com/images/f_auto/abc/elena.jpg')).toBe(true);
    expect(isThumbnailSource('http://media.licdn.com/x.jpg')).toBe(false);
    expect(isThumbnailSource('https://media.licdn.com.evil.com/x.jpg')).toBe(false);
    expect(isThumbnailSource('https://www.northfield.example.org/images/residents/okonkwo.jpg')).toBe(false);
    expect(isThumbnailSource('javascript:alert(1)')).toBe(false);
  });

  it('shrinks to 96 px on the longer side and never enlarges', () => {
    expect(thumbnailSize(400, 300)).toEqual({ width: 96, height: 72 });
    expect(thumbnailSize(300, 600)).toEqual({ width: 48, height: 96 });
    expect(thumbnailSize(40, 40)).toEqual({ width: 40, height: 40 });
  });

  it('makes a JPEG data link that the schema accepts', async () => {
    const drawn: number[][] = [];
    const d = deps({}, drawn);
    const thumb = await fetchThumbnail(LINKEDIN_PHOTO, d);
    expect(thumb).toBe(`data:image/jpeg;base64,${base64(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))}`);
    expect(photoThumb.safeParse(thumb).success).toBe(true);
    expect(drawn).toEqual([[96, 72, 96, 72]]);
    expect(d.fetch).toHaveBeenCalledWith(LINKEDIN_PHOTO, expect.objectContaining({ credentials: 'omit' }));
  });

  it('gives no thumbnail, and never throws, when anything fails', async () => {
    expect(await fetchThumbnail('https://www.northfield.example.org/a.jpg', deps())).toBeUndefined();
    expect(await fetchThumbnail(LINKEDIN_PHOTO, deps({ fetch: vi.fn(async () => Promise.reject(new TypeError('offline'))) }))).toBeUndefined();
    expect(await fetchThumbnail(LINKEDIN_PHOTO, deps({ fetch: vi.fn(async () => new Response('gone', { status: 410 })) }))).toBeUndefined();
    expect(
      await fetchThumbnail(LINKEDIN_PHOTO, deps({ fetch: vi.fn(async () => new Response('<svg onload=alert(1)>', { headers: { 'content-type': 'text/html' } })) })),
    ).toBeUndefined();
    expect(await fetchThumbnail(LINKEDIN_PHOTO, deps({ createImageBitmap: vi.fn(async () => Promise.reject(new Error('not an image'))) }))).toBeUndefined();
  });

  it('the schema accepts only base64 PNG, JPEG or WebP data links of bounded size', () => {
    expect(photoThumb.safeParse('data:image/png;base64,iVBORw0KGgo=').success).toBe(true);
    for (const bad of [
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/png,<svg onload=alert(1)>',
      'javascript:alert(1)',
      'https://media.licdn.com/x.jpg',
      `data:image/jpeg;base64,${'A'.repeat(70_000)}`,
      'data:image/jpeg;base64,AAAA"onerror="alert(1)',
    ]) {
      expect(photoThumb.safeParse(bad).success, bad).toBe(false);
    }
  });
});
