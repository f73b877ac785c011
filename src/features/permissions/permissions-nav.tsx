import { permissionPaths } from '@/lib/paths.ts';
import { TabLinks } from '@/ui/tab-links.tsx';

/** The three views of the Permissions section. */
export function PermissionsNav() {
  return (
    <TabLinks
      label="Permissions sections"
      tabs={[
        { to: permissionPaths.acls(), label: 'Resources' },
        { to: permissionPaths.check(), label: 'Check access' },
        { to: permissionPaths.who(), label: 'Who can?' },
      ]}
    />
  );
}
