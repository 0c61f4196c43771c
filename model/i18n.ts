/**
 * The translator every file imports: WXT's generated `i18n` from `#i18n`, with a lighter type.
 *
 * Why: `@wxt-dev/i18n` types `t()` as nine overloads that each intersect the key with a mapped union of all
 * ~1,100 keys, so every call costs the type checker tens of milliseconds, and the ~900 calls were most of
 * `npm run typecheck`. Here each kind of key is one union computed once, and a call is a lookup in it.
 * Every message of locales/*.yml uses named values (`{name}`) or none, so four shapes cover them all; a
 * positional `$1` substitution has no shape here and fails to type-check, on purpose.
 */
import { i18n as generated, type GeneratedI18nStructure } from '#i18n';

type Messages = GeneratedI18nStructure;
type Values<K extends keyof Messages> = Messages[K] extends { namedSubstitutions: readonly (infer N extends string)[] }
  ? Record<N, string | number>
  : never;
type KeysWhere<Plural extends boolean, WithValues extends boolean> = {
  [K in keyof Messages]: Messages[K] extends { plural: Plural; substitutions: 0 }
    ? (Messages[K] extends { namedSubstitutions: readonly string[] } ? true : false) extends WithValues
      ? K
      : never
    : never;
}[keyof Messages];

/** A message said as it is. */
export type PlainKey = KeysWhere<false, false>;
/** A message with named values, `{name}`. */
export type ValuesKey = KeysWhere<false, true>;
/** A `one | many` message chosen by a count, with no values. */
export type CountKey = KeysWhere<true, false>;
/** A `one | many` message chosen by a count, with named values. */
export type CountValuesKey = KeysWhere<true, true>;

export interface Translate {
  (key: PlainKey): string;
  <K extends ValuesKey>(key: K, values: Values<K>): string;
  (key: CountKey, n: number): string;
  <K extends CountValuesKey>(key: K, n: number, values: Values<K>): string;
}

export const i18n: { t: Translate } = generated as unknown as { t: Translate };
