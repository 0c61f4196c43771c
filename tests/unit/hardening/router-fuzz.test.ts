/**
 * RELIABILITY S1 (router fuzzing), S2 (forged senders) and S7 (data
 * minimisation): every request type the background knows, mutated every way a
 * hostile sender might, is refused before any side effect; no database write,
 * no browser call, a typed error, Object.prototype untouched. The same
 * requests from the extension's own page are accepted, so the refusals are
 * the checks' doing and not a broken router.
 */
import type { Browser } from 'wxt/browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetBadgeThrottle } from '../../../background/badge';
import { routeMessage } from '../../../background/router';
import { ContentRequest, PageRequest } from '../../../messages';
import { saveCapture } from '../../../storage/contacts';
import { capture, snapshot } from '../helpers';

type Sender = Browser.runtime.MessageSender;
type RequestType = PageRequest['type'];

const ID = 'test-extension-id';
const EXT = `chrome-extension://${ID}`;
const page: Sender = { id: ID, url: `${EXT}/sidepanel.html`, frameId: 0 };
const tab = { id: 7, index: 0, pinned: false, highlighted: false, windowId: 1, active: true, incognito: false, discarded: false, autoDiscardable: true, selected: true, groupId: -1 };

/**
 * One valid request of every type. Typed as a full record, so a request type
 * added to messages/index.ts fails the type check here until it is fuzzed too.
 */
const VALID: { [T in RequestType]: Extract<PageRequest, { type: T }> } = {
  'save-tab': { type: 'save-tab', tabId: 7 },
  'tab-status': { type: 'tab-status', tabId: 7 },
  'data-changed': { type: 'data-changed' },
  'point-tab': { type: 'point-tab', tabId: 7 },
};

/** The only requests a content script may send: the in-page picker's answer (never data, never a read). */
const VALID_CONTENT: { [T in ContentRequest['type']]: Extract<ContentRequest, { type: T }> } = {
  'picker-choice': { type: 'picker-choice', index: 0, fullName: 'Priya Raman' },
  'picker-cancel': { type: 'picker-cancel' },
};
const contentTypes = ContentRequest.options.map((option) => option.shape.type.value);
const SENDER_REFUSED = 'This sender may not send requests to Rapport.';

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

const MEGABYTE = 'x'.repeat(1_048_576);

/** Every hostile variant of one valid request. */
function mutations(valid: Record<string, unknown>): [string, unknown][] {
  const fields = Object.keys(valid).filter((key) => key !== 'type');
  const out: [string, unknown][] = [
    ['unknown type', { ...valid, type: `${String(valid.type)}-all` }],
    ['type in another case', { ...valid, type: String(valid.type).toUpperCase() }],
    ['type of the wrong kind', { ...valid, type: 1 }],
    ['no type', Object.fromEntries(fields.map((key) => [key, valid[key]]))],
    ['an extra field', { ...valid, extra: true }],
    ['an extra 1 MB field', { ...valid, payload: MEGABYTE }],
    ['a 1 MB type', { ...valid, type: MEGABYTE }],
    ['nesting 1,000 deep', { ...valid, deep: nested(1_000) }],
    ['a __proto__ key', JSON.parse(`{"type":${JSON.stringify(valid.type)},"__proto__":{"polluted":true}}`)],
    ['a constructor.prototype key', { ...valid, constructor: { prototype: { polluted: true } } }],
    ['an array', [valid]],
    ['a string', String(valid.type)],
    ['null', null],
    ['undefined', undefined],
    ['a number', 7],
  ];
  for (const field of fields) {
    const without = { ...valid };
    delete without[field];
    out.push([`no ${field}`, without]);
    for (const [name, value] of [
      ['a string', '7'],
      ['a 1 MB string', MEGABYTE],
      ['negative', -1],
      ['fractional', 7.5],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['too large', 2 ** 53],
      ['null', null],
      ['an array', [7]],
      ['an object', { valueOf: () => 7 }],
      ['nested 1,000 deep', nested(1_000)],
      ['a boolean', true],
    ] as const) {
      // A short string is a valid value for a string field, not a mutation.
      if (name === 'a string' && typeof valid[field] === 'string') continue;
      out.push([`${field} ${name}`, { ...valid, [field]: value }]);
    }
  }
  return out;
}

let browserCalls: ReturnType<typeof vi.fn>[];

beforeEach(() => {
  resetBadgeThrottle();
  const spy = () => vi.fn(async () => undefined);
  const action = { setBadgeText: spy(), setBadgeBackgroundColor: spy(), setTitle: spy(), setIcon: spy() };
  Object.assign(fakeBrowser.action, action);
  // Any call that reads or acts on a tab is a side effect a refused request must not cause.
  const tabsGet = vi.fn(async () => ({ ...tab, url: 'https://www.linkedin.com/in/priya-raman-md/' }));
  const tabsSend = vi.fn(async () => capture());
  const execute = vi.fn(async () => []);
  Object.assign(fakeBrowser.tabs, { get: tabsGet, sendMessage: tabsSend });
  Object.assign(fakeBrowser, { scripting: { executeScript: execute } });
  browserCalls = [...Object.values(action), tabsGet, tabsSend, execute];
});

const types = PageRequest.options.map((option) => option.shape.type.value);

describe('S1: fuzzed requests from the extension’s own page', () => {
  it('covers every request type messages/index.ts declares', () => {
    expect(Object.keys(VALID).sort()).toEqual([...types].sort());
  });

  it.each(types)('%s: every mutation is refused before any side effect', async (type) => {
    await saveCapture(capture());
    const before = await snapshot();
    const cases = mutations(VALID[type]);
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const [name, message] of cases) {
      const reply = await routeMessage(message, page);
      expect(reply, name).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: .{1,200}$/) });
    }
    for (const call of browserCalls) expect(call).not.toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each(types)('%s: the valid request itself is accepted (the refusals above are the checks’ doing)', async (type) => {
    const reply = await routeMessage(VALID[type], page);
    expect(reply.ok).toBe(true);
  });

  it('answers quickly even for the largest payloads (zod rejects without walking them)', async () => {
    // Counted, not timed (a busy machine makes any clock flaky): nothing below the unknown keys is read.
    let reads = 0;
    const watched = (value: unknown): unknown =>
      typeof value === 'object' && value !== null
        ? new Proxy(value, { get: (target, key) => (reads++, watched(Reflect.get(target, key))) })
        : value;
    for (let i = 0; i < 20; i++) {
      const reply = await routeMessage({ type: 'save-tab', tabId: 7, deep: watched(nested(1_000)), big: MEGABYTE }, page);
      expect(reply.ok).toBe(false);
    }
    expect(reads).toBe(0);
  });
});

const FORGED: [string, Sender][] = [
  ['a content script on LinkedIn', { id: ID, url: 'https://www.linkedin.com/in/x/', frameId: 0, tab } as unknown as Sender],
  ['a content script in a sub-frame', { id: ID, url: 'https://www.linkedin.com/in/x/', frameId: 4, tab } as unknown as Sender],
  ['a web page', { id: ID, url: 'https://evil.com/', frameId: 0, tab } as unknown as Sender],
  ['a lookalike extension origin', { ...page, url: `chrome-extension://${ID}.evil.com/popup.html` }],
  ['another extension’s page', { ...page, url: 'chrome-extension://other-extension/popup.html' }],
  ['a foreign extension id', { ...page, id: 'evil-extension' }],
  ['no extension id', { url: page.url, frameId: 0 }],
  ['a file: page', { ...page, url: 'file:///home/user/evil.html' }],
  ['a data: page', { ...page, url: 'data:text/html,<script>chrome.runtime.sendMessage({})</script>' }],
  ['a blob: URL of our origin', { ...page, url: `blob:${EXT}/0b8e4c1e-1c1a-4c4e-9d1e-1c1a4c4e9d1e` }],
  ['about:blank', { ...page, url: 'about:blank' }],
  ['a javascript: URL', { ...page, url: 'javascript:alert(1)' }],
  ['no URL', { id: ID, frameId: 0 }],
  ['our page in a sub-frame', { ...page, frameId: 1 }],
  ['our page in a deep sub-frame', { ...page, frameId: 42 }],
  ['an http extension lookalike', { ...page, url: `http://${ID}/sidepanel.html` }],
];

describe('S2: forged senders', () => {
  for (const type of types) {
    it.each(FORGED)(`${type} from %s is refused`, async (_name, sender) => {
      await saveCapture(capture());
      const before = await snapshot();
      const reply = await routeMessage(VALID[type], sender);
      expect(reply).toEqual({ ok: false, error: SENDER_REFUSED });
      for (const call of browserCalls) expect(call).not.toHaveBeenCalled();
      expect(await snapshot()).toEqual(before);
    });
  }

  it('accepts the popup and the side panel, top frame, with or without a frame id', async () => {
    for (const sender of [page, { ...page, url: `${EXT}/popup.html?tab=7` }, { id: ID, url: `${EXT}/sidepanel.html` }]) {
      expect((await routeMessage(VALID['data-changed'], sender)).ok).toBe(true);
    }
  });
});

describe('S1/S2: the picker’s answer, the one request a content script may send', () => {
  const contentScript = FORGED[0]![1];

  it('covers every content-script request type messages/index.ts declares', () => {
    expect(Object.keys(VALID_CONTENT).sort()).toEqual([...contentTypes].sort());
  });

  it.each(contentTypes)('%s: every mutation from a content script is refused before any side effect', async (type) => {
    await saveCapture(capture());
    const before = await snapshot();
    for (const [name, message] of mutations(VALID_CONTENT[type])) {
      expect(await routeMessage(message, contentScript), name).toEqual({ ok: false, error: SENDER_REFUSED });
    }
    for (const call of browserCalls) expect(call).not.toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each(contentTypes)('%s: valid, but with no picker open in that tab, changes nothing', async (type) => {
    await saveCapture(capture());
    const before = await snapshot();
    const reply = await routeMessage(VALID_CONTENT[type], contentScript);
    expect(reply.ok).toBe(false);
    // Refused by the picker's own check, past the sender and schema checks.
    expect(reply).not.toEqual({ ok: false, error: SENDER_REFUSED });
    for (const call of browserCalls) expect(call).not.toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
  });

  it.each(contentTypes)('%s from the extension’s pages or any forged sender is refused', async (type) => {
    for (const [name, sender] of [['our own page', page], ...FORGED.filter(([, s]) => !s.tab)] as [string, Sender][]) {
      const reply = await routeMessage(VALID_CONTENT[type], sender);
      expect(reply.ok, name).toBe(false);
    }
    for (const call of browserCalls) expect(call).not.toHaveBeenCalled();
  });
});

describe('S7: data minimisation', () => {
  it('a content script cannot learn whether any profile is saved, its own tab’s or another’s', async () => {
    await saveCapture(capture());
    const contentScript = FORGED[0]![1];
    for (const tabId of [7, 8]) {
      const reply = await routeMessage({ type: 'tab-status', tabId }, contentScript);
      expect(reply.ok).toBe(false);
      expect(JSON.stringify(reply)).not.toContain('Priya');
    }
  });

  it('the page’s own answer about a tab carries only that tab’s profile and its saved contact', async () => {
    const { contact } = await saveCapture(capture());
    await saveCapture(capture({ fullName: 'Other Person', profileUrl: 'https://www.linkedin.com/in/other-person/' }));
    const reply = await routeMessage({ type: 'tab-status', tabId: 7 }, page);
    expect(reply).toEqual({ ok: true, value: { profileUrl: 'https://www.linkedin.com/in/priya-raman-md/', contact } });
    expect(JSON.stringify(reply)).not.toContain('Other Person');
  });
});
