// One recorded API exchange, as `RECORD=dir` writes it (record.ts) and the replay reads it (replay.ts). Everything
// that could let someone in or read a secret is redacted before it is written (redact.ts).

/** A body as recorded: parsed JSON (redacted), text (JWTs redacted, cut at 4 KiB), or only the size of bytes. */
export type RecordedBody =
  { json: unknown } | { text: string } | { form: Record<string, string> } | { binary: number } | null;

export interface RecordedExchange {
  /** The order in which the console sent the requests. */
  seq: number;
  /** The signed-in account (the uid in `dcos-acs-info-cookie`), or the uid a sign-in names; null when none. */
  account: string | null;
  request: {
    method: string;
    path: string;
    /** The query string without `?`, sensitive values redacted; '' when none. */
    query: string;
    headers: Record<string, string>;
    body: RecordedBody;
  };
  response: { status: number; headers: Record<string, string | string[]>; body: RecordedBody };
}

/** The placeholder every redacted string becomes. */
export const REDACTED = '<redacted>';
