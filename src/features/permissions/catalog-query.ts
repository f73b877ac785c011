import { aclQueries } from '@/api/acls.ts';
import { publicPath } from '@/lib/base.ts';

/** The permission catalog beside index.html, wherever the console is mounted (lib/base.ts). */
export const catalogQuery = () => aclQueries.catalog(publicPath('/permission-catalog.json'));
