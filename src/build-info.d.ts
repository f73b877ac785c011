/** Put in by the build (vite.config.ts `define`): package.json's version and the commit the build came from. */
declare const __CONSOLE_VERSION__: string;
declare const __CONSOLE_COMMIT__: string;
