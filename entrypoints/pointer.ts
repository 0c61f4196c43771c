import { i18n } from '../model/i18n';
import { browser } from 'wxt/browser';
import { elementPerson } from '../capture/heuristics';
import { startPointing, type PointerHandle } from '../capture/pointer';
import type { PointerRequest } from '../messages/pointer-session';

type Reply = { ok: true; value: { fullName?: string; created?: boolean } } | { ok: false; error: string };

interface PointerGlobal {
  rapportPointer?: PointerHandle;
}

/**
 * Injected by the background when the user asks to point at the person
 * (popup, chooser or "found no person"), never into LinkedIn or Doximity.
 * Reads the chosen element alone with the directory cards' rules and hands
 * the raw result to the background, which validates it and saves it only
 * for the tab and page where it started pointing, once.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as PointerGlobal & { rapportPicker?: { close(): void } };
  scope.rapportPointer?.close();
  // Pointing replaces the chooser when the user found it listed the wrong people.
  scope.rapportPicker?.close();
  const send = (request: PointerRequest) => browser.runtime.sendMessage(request) as Promise<Reply | undefined>;
  const labels = { hint: i18n.t('capture.pointHint'), noName: i18n.t('capture.pointNoName'), cancel: i18n.t('capture.pointCancel') };
  let busy = false;
  const handle = startPointing(document, labels, (el) => {
    if (!el) {
      delete scope.rapportPointer;
      void send({ type: 'pointer-cancel' }).catch(() => undefined);
      return;
    }
    if (busy) return;
    const raw = elementPerson(el, document, location.href);
    if (!raw) {
      handle.say(labels.noName);
      return;
    }
    busy = true;
    handle.say(i18n.t('capture.pointSaving', { name: raw.fullName }));
    send({ type: 'pointer-capture', raw }).then(
      (reply) => {
        const name = reply?.ok ? (reply.value.fullName ?? raw.fullName) : raw.fullName;
        handle.say(reply?.ok ? i18n.t(reply.value.created === false ? 'capture.pointUpdated' : 'capture.pointSaved', { name }) : (reply?.error ?? i18n.t('capture.pointUnreachable')));
        setTimeout(() => handle.close(), 2_500);
      },
      () => {
        handle.say(i18n.t('capture.pointUnreachable'));
        setTimeout(() => handle.close(), 4_000);
      },
    );
  });
  scope.rapportPointer = handle;
  return true;
});
