/**
 * How long a message may be in each place it can go. LinkedIn changes its
 * limits from time to time, so every number here is only a default the user
 * can override in settings.
 */
import {
  CHANNELS,
  MESSAGE_FORMATS,
  type Channel,
  type ChannelLimits,
  type MessageFormat,
  type Settings,
} from '../model/schemas';

export const DEFAULT_LIMITS: Required<ChannelLimits> = {
  connectionNote: 200,
  connectionNotePremium: 300,
  inmailSubject: 200,
  inmailBody: 1_900,
  linkedinMessage: 8_000,
  emailSubject: 78,
};

/** The channel a format is logged under on the timeline. */
export function channelOf(format: MessageFormat): Channel {
  switch (format) {
    case 'linkedin_connection':
    case 'linkedin_message':
    case 'linkedin_inmail':
      return 'linkedin';
    case 'doximity':
      return 'doximity';
    case 'email':
      return 'email';
    case 'other':
      return 'other';
  }
}

/** The usual place for a channel's messages, when a template names only the channel. */
export function defaultFormat(channel: Channel): MessageFormat {
  switch (channel) {
    case 'linkedin':
      return 'linkedin_message';
    case 'doximity':
      return 'doximity';
    case 'email':
      return 'email';
    default:
      return 'other';
  }
}

export function isMessageFormat(value: unknown): value is MessageFormat {
  return (MESSAGE_FORMATS as readonly unknown[]).includes(value);
}
export function isChannel(value: unknown): value is Channel {
  return (CHANNELS as readonly unknown[]).includes(value);
}

export interface FieldLimit {
  max: number;
  /**
   * A soft limit is advice (mail programs cut a long subject but send it);
   * a hard one is what the site refuses or truncates.
   */
  soft: boolean;
}

export interface FormatLimits {
  /** Whether this place has a subject line at all. */
  hasSubject: boolean;
  subject?: FieldLimit;
  body?: FieldLimit;
}

type LimitSettings = Pick<Settings, 'linkedinPremium' | 'channelLimits'>;

/** The user's value for a limit, or the default. */
export function limitValue(key: keyof ChannelLimits, settings: LimitSettings): number {
  return settings.channelLimits[key] ?? DEFAULT_LIMITS[key];
}

export function limitsFor(format: MessageFormat, settings: LimitSettings): FormatLimits {
  const hard = (key: keyof ChannelLimits): FieldLimit => ({ max: limitValue(key, settings), soft: false });
  switch (format) {
    case 'linkedin_connection':
      return { hasSubject: false, body: hard(settings.linkedinPremium ? 'connectionNotePremium' : 'connectionNote') };
    case 'linkedin_message':
      return { hasSubject: false, body: hard('linkedinMessage') };
    case 'linkedin_inmail':
      return { hasSubject: true, subject: hard('inmailSubject'), body: hard('inmailBody') };
    case 'email':
      return { hasSubject: true, subject: { max: limitValue('emailSubject', settings), soft: true } };
    case 'doximity':
    case 'other':
      return { hasSubject: false };
  }
}

/**
 * Characters as the sites count them: UTF-16 code units, the length a web
 * page's text box measures, so an emoji counts as two. Counting fewer than
 * the site does would let a message be cut after the user pasted it.
 */
export function countCharacters(text: string): number {
  return text.length;
}

export interface LimitCheck {
  count: number;
  max?: number;
  soft: boolean;
  /** Characters left; negative when over. */
  remaining?: number;
  over: boolean;
}

export function checkLimit(text: string, limit: FieldLimit | undefined): LimitCheck {
  const count = countCharacters(text);
  if (!limit) return { count, soft: false, over: false };
  return { count, max: limit.max, soft: limit.soft, remaining: limit.max - count, over: count > limit.max };
}
