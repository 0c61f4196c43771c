/**
 * The draft's life on screen, apart from its view (DraftComposer.tsx): the contact's saved draft restored, or a
 * template chosen for it (drafting/draft.ts decides which), every edit saved after a short pause and at once when the
 * panel closes or another contact is opened. A late save lands on the draft's own contact, never on the one shown
 * next: the draft on screen is kept with the id of the contact it was restored for.
 */
import { useEffect, useRef, useState } from 'react';
import { emptyDraft, fromTemplate, keepsSavedDraft, startTemplateIds, type DraftState } from '../../drafting/draft';
import { findSharedSchool } from '../../drafting/shared-school';
import type { Contact } from '../../model/schemas';
import { getDraft, saveDraft } from '../../storage/drafts';
import { currentLetterOf } from '../../storage/letters';
import { getSettings } from '../../storage/settings';
import { getTemplate, listTemplates } from '../../storage/templates';

export const DRAFT_AUTOSAVE_MS = 400;

/** The contact's saved draft, unless another template was asked for; else the first template that fits and is stored. */
export async function restoreDraft(contact: Pick<Contact, 'id' | 'status' | 'followUpsSent' | 'whereMet' | 'education'>, templateId?: string): Promise<DraftState> {
  const [saved, mine] = await Promise.all([getDraft(contact.id), getSettings()]);
  if (saved && keepsSavedDraft(saved, templateId)) return saved;
  const sharedSchool = Boolean(findSharedSchool(mine.mySchool, contact.education.map((e) => e.school)));
  // Someone writing a letter is drafted the letter's next message, not the generic one.
  const [first, suggested] = startTemplateIds(contact, { requested: templateId, sharedSchool, letter: await currentLetterOf(contact.id) });
  const template = (await getTemplate(first)) ?? (await getTemplate(suggested)) ?? (await listTemplates())[0];
  return template ? fromTemplate(template) : emptyDraft();
}

export interface DraftAutosave {
  /** The draft on screen; undefined while it is being restored. */
  state?: DraftState;
  /** Why the draft could not be restored. */
  loadError?: string;
  /** A change the user made: saved after a pause. */
  edit(patch: Partial<DraftState>): void;
  /**
   * Runs `send`, which deals with the draft and drops it (Mark as sent). No save of the draft runs meanwhile, or a
   * pause ending mid-send would store again the draft just dropped; if the send fails, what was unsaved is saved.
   */
  sending<T>(send: () => Promise<T>): Promise<T>;
}

export interface DraftAutosaveOptions {
  contact: Pick<Contact, 'id' | 'status' | 'followUpsSent' | 'whereMet' | 'education'>;
  /** The template asked for (a follow-up opened from the popup): it wins over the saved draft. */
  templateId?: string;
  /** Told when an autosave fails, with the database's reason. */
  onSaveError(message: string): void;
  delay?: number;
}

export function useDraftAutosave({ contact, templateId, onSaveError, delay = DRAFT_AUTOSAVE_MS }: DraftAutosaveOptions): DraftAutosave {
  const [state, setState] = useState<DraftState>();
  const [loadError, setLoadError] = useState<string>();
  // The latest callback, for a save that ends after a re-render.
  const saveFailed = useRef(onSaveError);
  saveFailed.current = onSaveError;
  const dirty = useRef(false);
  /** The state on screen and whose draft it is: a late save must never land on another contact. */
  const latest = useRef<{ contactId: string; state: DraftState }>(undefined);
  const owner = useRef<string>(undefined);
  if (state && owner.current) latest.current = { contactId: owner.current, state };

  useEffect(() => {
    let cancelled = false;
    dirty.current = false;
    owner.current = undefined;
    latest.current = undefined;
    setState(undefined);
    restoreDraft(contact, templateId).then(
      (next) => {
        if (cancelled) return;
        owner.current = contact.id;
        setState(next);
      },
      (error: Error) => {
        if (!cancelled) setLoadError(error.message);
      },
    );
    return () => {
      cancelled = true;
    };
    // The contact object changes on every edit; only a different contact restarts the draft.
  }, [contact.id, templateId]);

  const flush = useRef<() => void>(() => undefined);
  flush.current = () => {
    const current = latest.current;
    if (!current || !dirty.current) return;
    dirty.current = false;
    const { templateId, format, subject, body, personal, values } = current.state;
    void saveDraft({ contactId: current.contactId, templateId, format, subject, body, personal, values }).catch((error: Error) =>
      saveFailed.current(error.message),
    );
  };
  // Debounced while typing…
  useEffect(() => {
    if (!state || !dirty.current) return;
    const timer = setTimeout(() => flush.current(), delay);
    return () => clearTimeout(timer);
  }, [state, delay]);
  // …and at once when the panel closes or another contact is opened.
  useEffect(() => {
    const save = () => flush.current();
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [contact.id]);

  return {
    state,
    loadError,
    edit: (patch) => {
      dirty.current = true;
      setState((s) => (s ? { ...s, ...patch } : s));
    },
    sending: async (send) => {
      const unsaved = dirty.current;
      dirty.current = false;
      try {
        return await send();
      } catch (error) {
        if (unsaved) {
          dirty.current = true;
          flush.current();
        }
        throw error;
      }
    },
  };
}
