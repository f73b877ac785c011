import { ORIGIN_LABELS, originOf, type User } from '@/api/users.ts';

export function OriginBadge({ user }: { user: User }) {
  const origin = originOf(user);
  return <span className="badge">{ORIGIN_LABELS[origin]}</span>;
}
