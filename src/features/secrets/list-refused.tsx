import { secretListRid } from '@/api/secrets.ts';
import { OpenByPath } from './open-by-path.tsx';

/**
 * A 403 on a list is no dead end: the refused permission is named (the account's owner can ask for it), and a secret
 * can still be opened by its path, or a folder the account may list opened by its path.
 */
export function ListRefused({ folder }: { folder: string }) {
  return (
    <div className="card stack">
      <div className="notice" role="alert">
        <p>
          Your account may not list secrets{folder === '' ? '' : <> in {folder}</>} (it needs{' '}
          <code>{secretListRid(folder)}</code> read). You can still open a secret you know the path of
          {folder === '' ? ', or a folder you may list' : ''}.
        </p>
      </div>
      <OpenByPath />
      {folder === '' && <OpenByPath kind="folder" />}
    </div>
  );
}
