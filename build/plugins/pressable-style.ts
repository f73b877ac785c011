import type { Plugin } from 'vite';

/**
 * React Aria injects one rule as an inline <style> unless an element with the id `react-aria-pressable-style` exists,
 * which the strict CSP would refuse. The rule is in global.css, so the built stylesheet's own <link> carries that id:
 * one request fewer on every first load than a separate file (in development there is no CSP to hold).
 */
export function pressableStyleId(): Plugin {
  return {
    name: 'react-aria-pressable-style',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/<link rel="stylesheet"[^>]*href="[^"]*assets\/[^"]+\.css"[^>]*>/g) ?? [];
        if (links.length !== 1)
          throw new Error(`index.html should link exactly one built stylesheet, found ${links.length}`);
        const [link] = links as [string];
        return html.replace(link, link.replace('<link ', '<link id="react-aria-pressable-style" '));
      },
    },
  };
}
