// Names shared by the two sides of renewing a session in a popup: sso-popup.ts opens it, sso-popup-report.ts answers
// from it (from the page `paths.ssoDone()`).

/** The popup's window name: pages in it know they should report to their opener rather than carry on. */
export const SSO_POPUP_NAME = 'dcos-sso-popup';
export const SSO_MESSAGE_TYPE = 'dcos-console:sso-result';
