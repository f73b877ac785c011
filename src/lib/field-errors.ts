/**
 * The form field a server message is about: the IAM's descriptions name the wire key in backticks
 * (`issuer` must be an https URL), so the first backticked key that maps to a field wins.
 */
export function fieldForMessage<F extends string>(message: string, fields: Partial<Record<string, F>>): F | undefined {
  for (const match of message.matchAll(/`([\w.-]+)`/g)) {
    const field = fields[match[1] ?? ''];
    if (field) return field;
  }
  return undefined;
}
