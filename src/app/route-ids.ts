/** The id of the route above every signed-in page, whose loader data is the session (src/app/require-session.ts). */
export const PROTECTED_ROUTE_ID = 'protected';
