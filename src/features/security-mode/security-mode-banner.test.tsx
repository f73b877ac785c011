import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { server, simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { SecurityModeBanner, SecurityModeChip } from './security-mode-banner.tsx';

/** The two places the shell shows the mode: the chip in the header, the banner under it. */
function renderShellParts() {
  return renderRoutes([
    {
      path: '/',
      element: (
        <>
          <header>
            <SecurityModeChip />
          </header>
          <SecurityModeBanner />
        </>
      ),
    },
  ]);
}

const modeRegion = () => screen.getByRole('region', { name: 'Security mode' });
/** The chip has arrived in the header: "strict mode." and the mode's sentence (the word "mode" only read out on a phone). */
const strictChip = () => waitFor(() => expect(modeRegion()).toHaveTextContent('strict mode.'));

describe('The security mode', () => {
  it('says it is being read, in the header, without moving the page', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    renderShellParts();
    expect(modeRegion()).toHaveTextContent("Reading the cluster's security mode…");
    expect(modeRegion()).toHaveClass('mode-chip');
    await strictChip();
  });

  it('shows strict mode as a chip in the header, its sentence there for screen readers', async () => {
    simulator.context.reset({ securityMode: 'strict' });
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    renderShellParts();
    await strictChip();
    const chip = modeRegion();
    expect(chip.closest('header')).not.toBeNull();
    expect(chip).toHaveClass('mode-chip', 'mode-strict');
    expect(chip).toHaveTextContent('strict mode. Every request must be authenticated');
    expect(chip).toHaveTextContent('HTTPS is required');
    expect(screen.getAllByRole('region', { name: 'Security mode' })).toHaveLength(1);
  });

  it.each([
    ['permissive', 'service authentication is optional'],
    ['disabled', 'Not intended for production'],
  ] as const)('warns of %s mode across the page, in words and colour', async (mode, sentence) => {
    simulator.context.reset({ securityMode: mode });
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    renderShellParts();
    expect(await screen.findByText(`${mode} mode.`)).toBeInTheDocument();
    const banner = modeRegion();
    expect(banner.closest('header')).toBeNull();
    expect(banner).toHaveClass('mode-banner', `mode-${mode}`);
    expect(banner).toHaveTextContent(sentence);
  });

  it('explains a missing permission, and offers no Retry that cannot help', async () => {
    await login({ uid: 'bob', password: 'bob-pass' });
    renderShellParts();
    expect(await screen.findByText('Security mode unknown.')).toBeInTheDocument();
    const banner = modeRegion();
    expect(banner).toHaveTextContent('dcos:adminrouter:ops:metadata');
    expect(banner).toHaveClass('mode-banner', 'mode-unknown');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('offers Retry when the cluster failed, and shows the mode once it answers', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    let failing = true;
    server.use(
      http.get('*/dcos-metadata/bootstrap-config.json', () =>
        failing
          ? new HttpResponse('Bad Gateway', { status: 502, headers: { 'Content-Type': 'text/plain' } })
          : undefined,
      ),
    );
    const { user } = renderShellParts();
    expect(await screen.findByText('Security mode unknown.')).toBeInTheDocument();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await strictChip();
    expect(modeRegion()).toHaveClass('mode-chip');
  });

  it('says the session ended when there is none, without a Retry', async () => {
    renderShellParts();
    expect(await screen.findByText('Security mode unknown.')).toBeInTheDocument();
    expect(modeRegion()).toHaveTextContent('Your session has ended. Sign in again to continue.');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });
});
