import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { SecurityModeBanner } from './security-mode-banner.tsx';

function renderBanner() {
  return renderRoutes([{ path: '/', Component: SecurityModeBanner }]);
}

describe('SecurityModeBanner', () => {
  it.each([
    ['strict', 'HTTPS is required'],
    ['permissive', 'service authentication is optional'],
    ['disabled', 'Not intended for production'],
  ] as const)('shows %s mode in words and colour', async (mode, sentence) => {
    simulator.context.reset({ securityMode: mode });
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    renderBanner();
    const banner = screen.getByRole('region', { name: 'Security mode' });
    expect(banner).toHaveTextContent("Reading the cluster's security mode…");
    expect(await screen.findByText(`${mode} mode.`)).toBeInTheDocument();
    expect(banner).toHaveTextContent(sentence);
    expect(banner).toHaveClass(`mode-${mode}`);
  });

  it('explains a missing permission instead of guessing a mode', async () => {
    await login({ uid: 'bob', password: 'bob-pass' });
    const { user } = renderBanner();
    expect(await screen.findByText('Security mode unknown.')).toBeInTheDocument();
    const banner = screen.getByRole('region', { name: 'Security mode' });
    expect(banner).toHaveTextContent('dcos:adminrouter:ops:metadata');
    expect(banner).toHaveClass('mode-unknown');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Security mode unknown.')).toBeInTheDocument();
  });

  it('says the session ended when there is none', async () => {
    renderBanner();
    expect(await screen.findByText('Security mode unknown.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Security mode' })).toHaveTextContent('Your session has ended. Sign in again to continue.');
  });
});
