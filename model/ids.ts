/** Record ids: random UUIDs, so that records merged from two installs never collide. */
export function newId(): string {
  return crypto.randomUUID();
}
