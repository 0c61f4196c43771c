// The in-page person chooser's entry (capture/person-chooser.ts shows it; background/save-chosen-person.ts injects
// it and saves the choice). It keeps the built file's name, /picker.js, which the background injects by path and
// its unit test and the bundle-size bench name.
import { browser } from 'wxt/browser';
import { i18n } from '../model/i18n';
import { showChooser, type ChooserHandle, type ChooserPerson } from '../capture/person-chooser';
import type { ContentRequest } from '../messages';

type Reply = { ok: true; value: { fullName?: string; created?: boolean } } | { ok: false; error: string };

interface PickerGlobal {
  rapportPickerPeople?: unknown;
  rapportPicker?: ChooserHandle;
}

function people(value: unknown): ChooserPerson[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p: unknown) => {
    const fullName = (p as { fullName?: unknown } | null)?.fullName;
    const detail = (p as { detail?: unknown } | null)?.detail;
    return typeof fullName === 'string' && fullName ? [{ fullName, detail: typeof detail === 'string' ? detail : undefined }] : [];
  });
}

/**
 * Injected by the background (after the user's click on the toolbar icon,
 * the context menu or the shortcut) into a page that lists several people,
 * never into LinkedIn or Doximity. The background first hands it the people it
 * found; the user's choice goes back as an index, and the background saves.
 * Returns how many people are offered (0: nothing shown).
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as PickerGlobal;
  // A second click while the chooser is open replaces it.
  scope.rapportPicker?.close();
  const offered = people(scope.rapportPickerPeople);
  delete scope.rapportPickerPeople;
  const send = (request: ContentRequest) => browser.runtime.sendMessage(request) as Promise<Reply | undefined>;

  const handle = showChooser(document, offered, (answer, chooser) => {
    if (!answer) {
      void send({ type: 'picker-cancel' }).catch(() => undefined);
      return;
    }
    chooser.status(i18n.t('picker.saving', { name: answer.fullName }));
    send({ type: 'picker-choice', index: answer.index, fullName: answer.fullName }).then(
      (reply) => {
        chooser.status(
          reply?.ok
            ? i18n.t(reply.value.created === false ? 'picker.updated' : 'picker.saved', { name: answer.fullName })
            : (reply?.error ?? i18n.t('common.notSaved')),
        );
        setTimeout(() => chooser.close(), 2_500);
      },
      () => {
        chooser.status(i18n.t('picker.unreachable'));
        setTimeout(() => chooser.close(), 4_000);
      },
    );
  });
  if (handle) scope.rapportPicker = handle;
  return handle ? offered.length : 0;
});
