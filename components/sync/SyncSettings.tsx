/**
 * Settings › Sync: off by default. Turning it on asks for access to the one
 * server the user names (in the click's gesture), then the background checks
 * the server, the account and the passphrase before anything is stored. While
 * on, it shows the last sync, the pending changes and the last error, and
 * turns off with or without deleting the server's copy.
 */
import { i18n } from '../../model/i18n';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../messages';
import type { SyncError, SyncStatus } from '../../messages/sync';
import { originPattern, ServerUrl } from '../../sync/config';

/** How often the status is re-read while the section is open. */
const REFRESH_MS = 2_000;

export function describeSyncError(error: SyncError): string {
  switch (error.failure) {
    case 'permission':
      return i18n.t('sync.error.permission', { origin: error.detail });
    case 'unreachable':
      return i18n.t('sync.error.unreachable');
    case 'credentials':
      return i18n.t('sync.error.credentials');
    case 'not-couchdb':
      return i18n.t('sync.error.notCouchdb');
    case 'passphrase':
      return i18n.t('sync.error.passphrase');
    case 'invalid':
      return i18n.t('sync.error.invalid', { detail: error.detail });
    case 'server-error':
      return i18n.t('sync.error.server', { detail: error.detail });
    case 'sync':
      return i18n.t('sync.error.sync', { detail: error.detail });
  }
}

const when = (at: number) => new Date(at).toLocaleString();

export function SyncSettings() {
  const [status, setStatus] = useState<SyncStatus>();
  const [loadError, setLoadError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form, setForm] = useState({ server: '', database: 'rapport', username: '', password: '', passphrase: '' });
  const [removeCopy, setRemoveCopy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const ids = { server: useId(), database: useId(), username: useId(), password: useId(), passphrase: useId(), hint: useId() };

  const refresh = useCallback(async () => {
    try {
      setStatus(await sendToBackground({ type: 'sync-status' }));
      setLoadError(undefined);
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    if (formError) errorRef.current?.focus();
  }, [formError]);

  const act = async (request: Parameters<typeof sendToBackground>[0]) => {
    setBusy(true);
    try {
      const next = (await sendToBackground(request)) as SyncStatus;
      setStatus(next);
      return next;
    } catch (error) {
      setFormError((error as Error).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const turnOn = (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const server = ServerUrl.safeParse(form.server);
    if (!server.success) {
      setFormError(i18n.t('sync.error.address'));
      return;
    }
    const origin = originPattern(server.data);
    // Asked straight from the submit, before any await: browsers only ask the user within the gesture.
    browser.permissions.request({ origins: [origin] }).then(
      async (granted) => {
        if (!granted) {
          setFormError(i18n.t('sync.error.permission', { origin }));
          return;
        }
        const next = await act({ type: 'sync-enable', setup: { ...form, server: server.data } });
        if (next && !next.enabled && next.lastError) setFormError(describeSyncError(next.lastError));
        if (next?.enabled) setForm((f) => ({ ...f, password: '', passphrase: '' }));
      },
      () => setFormError(i18n.t('sync.error.permission', { origin })),
    );
  };

  const turnOff = async () => {
    const question = removeCopy ? i18n.t('sync.confirmOffRemove') : i18n.t('sync.confirmOff');
    if (!window.confirm(question)) return;
    const next = await act({ type: 'sync-disable', serverCopy: removeCopy ? 'remove' : 'keep' });
    if (next?.lastError) setFormError(describeSyncError(next.lastError));
    setRemoveCopy(false);
  };

  const field = (name: keyof typeof form, label: string, type = 'text', autoComplete = 'off') => (
    <label htmlFor={ids[name]}>
      {label}
      <input
        id={ids[name]}
        type={type}
        value={form[name]}
        autoComplete={autoComplete}
        spellCheck={false}
        required={name !== 'username' && name !== 'password'}
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
      />
    </label>
  );

  return (
    <section className="stack" aria-labelledby="sync-heading" data-testid="sync-settings">
      <h2 id="sync-heading">{i18n.t('sync.title')}</h2>
      {!status && !loadError && <p className="muted">{i18n.t('sync.loading')}</p>}
      {loadError && (
        <p className="error" role="alert">
          {loadError}{' '}
          <button type="button" onClick={() => void refresh()}>
            {i18n.t('common.tryAgain')}
          </button>
        </p>
      )}
      {status && !status.enabled && (
        <form className="stack" onSubmit={turnOn} aria-describedby={ids.hint} data-testid="sync-form">
          <p id={ids.hint} className="muted" style={{ margin: 0 }}>
            {i18n.t('sync.intro')}
          </p>
          {field('server', i18n.t('sync.server'), 'url')}
          {field('database', i18n.t('sync.database'))}
          {field('username', i18n.t('sync.username'), 'text', 'username')}
          {field('password', i18n.t('sync.password'), 'password', 'current-password')}
          {field('passphrase', i18n.t('sync.passphrase'), 'password', 'new-password')}
          <p className="muted" style={{ margin: 0 }}>
            {i18n.t('sync.passphraseHint')}
          </p>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? i18n.t('sync.connecting') : i18n.t('sync.turnOn')}
          </button>
        </form>
      )}
      {status?.enabled && (
        <div className="stack" data-testid="sync-status">
          <p style={{ margin: 0 }}>
            {i18n.t('sync.connectedTo', { database: status.database ?? '', server: status.server ?? '' })}
          </p>
          <dl className="muted" style={{ margin: 0 }}>
            <dt>{i18n.t('sync.lastSynced')}</dt>
            <dd data-testid="sync-last">{status.lastSyncedAt ? when(status.lastSyncedAt) : i18n.t('sync.never')}</dd>
            <dt>{i18n.t('sync.pendingLabel')}</dt>
            <dd data-testid="sync-pending">{i18n.t('sync.pending', status.pending, { n: status.pending })}</dd>
            <dt>{i18n.t('sync.stateLabel')}</dt>
            <dd data-testid="sync-state">{i18n.t(`sync.state.${status.state}`)}</dd>
          </dl>
          {status.lastError && (
            <p className="error" role="status" data-testid="sync-error" style={{ margin: 0 }}>
              {describeSyncError(status.lastError)} ({when(status.lastError.at)})
            </p>
          )}
          <button type="button" disabled={busy} onClick={() => void act({ type: 'sync-now' })}>
            {i18n.t('sync.now')}
          </button>
          <label style={{ flexDirection: 'row', alignItems: 'center', gap: 8 }}>
            <input type="checkbox" style={{ width: 'auto' }} checked={removeCopy} onChange={(e) => setRemoveCopy(e.target.checked)} />
            {i18n.t('sync.removeCopy')}
          </label>
          <button type="button" className="danger" disabled={busy} onClick={() => void turnOff()}>
            {i18n.t('sync.turnOff')}
          </button>
        </div>
      )}
      <p ref={errorRef} tabIndex={-1} aria-live="polite" className={formError ? 'error' : 'muted'} style={{ margin: 0, minHeight: '1.4em' }} data-testid="sync-message">
        {formError ?? ''}
      </p>
    </section>
  );
}
