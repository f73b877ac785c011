import { settingsPaths } from '@/lib/paths.ts';
import { TabLinks } from './tab-links.tsx';

const SETTINGS_TABS = [
  { to: settingsPaths.providers(), label: 'Identity providers' },
  { to: settingsPaths.directory(), label: 'Directory (LDAP)' },
  { to: settingsPaths.iamFile(), label: 'IAM file' },
] as const;

/**
 * The Settings pages' own tabs (identity providers and the directory are two features), under each page's title: the
 * title says where the user is, the tabs where else they can go. A provider's own page has breadcrumbs instead.
 */
export function SettingsNav() {
  return <TabLinks label="Settings" tabs={SETTINGS_TABS} />;
}
