import { useEffect, useRef, useState } from 'react';

export interface PreparedFile {
  url: string;
  name: string;
  size: number;
}

/**
 * A file made in the page and offered as an `<a download>` link: the object
 * URL is revoked when it is replaced or the component goes away, and the
 * link is clicked once as soon as it exists so that the download starts.
 */
export function useDownload() {
  const [file, setFile] = useState<PreparedFile>();
  const link = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (!file) return;
    link.current?.click();
    return () => URL.revokeObjectURL(file.url);
  }, [file]);

  const offer = (blob: Blob, name: string) => setFile({ url: URL.createObjectURL(blob), name, size: blob.size });
  return { file, link, offer };
}
