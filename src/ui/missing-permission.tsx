/**
 * Says which permission an action needs that the signed-in account does not hold (issue 19): shown where the console
 * leaves an action out or disables it, so nobody wonders why, and the admin knows what to ask for.
 */
export function MissingPermission({
  id,
  what,
  rid,
  action,
}: {
  id?: string;
  what: string;
  rid: string;
  action: string;
}) {
  return (
    <p className="muted" id={id}>
      {what} needs the permission <code className="mono">{rid}</code> <code className="mono">{action}</code>, which your
      account does not hold. Ask a superuser for it.
    </p>
  );
}
