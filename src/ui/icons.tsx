/**
 * The console's icon set: small stroked SVGs drawn in the text colour (`currentColor`), so they follow the theme and
 * need no emoji font or image request. Decorative by default (`aria-hidden`): the control or text beside an icon
 * carries the name. Paths are on a 16×16 grid, 1.5 px stroke.
 */
import type { ReactNode } from 'react';

export interface IconProps {
  /** Rendered size in CSS pixels; default 16. */
  size?: number;
  className?: string;
}

function icon(paths: ReactNode) {
  return function Icon({ size = 16, className }: IconProps) {
    return (
      <svg
        className={className ? `icon ${className}` : 'icon'}
        width={size}
        height={size}
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        {paths}
      </svg>
    );
  };
}

export const FolderIcon = icon(<path d="M1.75 3.75h4.5l1.5 1.5h6.5v7.5H1.75z" />);
export const SecretIcon = icon(
  <>
    <circle cx="5" cy="8" r="2.75" />
    <path d="M7.75 8h6.5M12 8v2.5M14.25 8v2" />
  </>,
);
export const UserIcon = icon(
  <>
    <circle cx="8" cy="5" r="2.75" />
    <path d="M2.5 14c.5-3 2.75-4.5 5.5-4.5s5 1.5 5.5 4.5" />
  </>,
);
export const GroupIcon = icon(
  <>
    <circle cx="5.5" cy="5.5" r="2.25" />
    <circle cx="11.25" cy="6" r="1.75" />
    <path d="M1.25 13.5c.4-2.5 2-3.75 4.25-3.75s3.85 1.25 4.25 3.75M10.5 9.6c2-.3 3.75.7 4.25 3.4" />
  </>,
);
export const ServiceAccountIcon = icon(
  <>
    <rect x="3" y="5" width="10" height="8" rx="1.5" />
    <path d="M8 2.5V5M6 8.5v1M10 8.5v1M1.5 8.5v2M14.5 8.5v2" />
  </>,
);
export const LockIcon = icon(
  <>
    <rect x="3" y="7" width="10" height="7" rx="1.25" />
    <path d="M5.25 7V5a2.75 2.75 0 0 1 5.5 0v2" />
  </>,
);
export const UnlockIcon = icon(
  <>
    <rect x="3" y="7" width="10" height="7" rx="1.25" />
    <path d="M5.25 7V5a2.75 2.75 0 0 1 5.3-1" />
  </>,
);
export const ExternalLinkIcon = icon(<path d="M9.5 2.5h4v4M13.5 2.5 7.5 8.5M11.5 9.5v4h-9v-9h4" />);
export const CopyIcon = icon(
  <>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.25" />
    <path d="M10.5 5.5v-3h-8v8h3" />
  </>,
);
export const DownloadIcon = icon(<path d="M8 2v8.5M4.5 7 8 10.5 11.5 7M2.5 13.5h11" />);
export const MenuIcon = icon(<path d="M2.5 4h11M2.5 8h11M2.5 12h11" />);
export const MoreIcon = icon(
  <>
    <circle cx="3.5" cy="8" r=".75" />
    <circle cx="8" cy="8" r=".75" />
    <circle cx="12.5" cy="8" r=".75" />
  </>,
);
export const CloseIcon = icon(<path d="M4 4l8 8M12 4l-8 8" />);
export const ChevronDownIcon = icon(<path d="M4 6l4 4 4-4" />);
export const SearchIcon = icon(
  <>
    <circle cx="7" cy="7" r="4.25" />
    <path d="M10.25 10.25 13.5 13.5" />
  </>,
);
export const ShieldIcon = icon(<path d="M8 1.75 13.25 3.5v4c0 3.25-2.25 5.5-5.25 6.75C5 13 2.75 10.75 2.75 7.5v-4z" />);
