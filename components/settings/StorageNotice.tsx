/** Settings › Your data: says when the browser refused persistent storage (storage/persistence.ts), and why it matters. */
import { i18n } from '../../model/i18n';
import { useEffect, useState } from 'react';
import { persistence, type Persistence } from '../../storage/persistence';

export function StorageNotice() {
  const [state, setState] = useState<Persistence>();
  useEffect(() => {
    let live = true;
    void persistence().then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, []);
  if (state !== 'refused') return null;
  return (
    <p className="error" role="status" data-testid="storage-notice">
      {i18n.t('trust.persistRefused')}
    </p>
  );
}
