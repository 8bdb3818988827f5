/** The cookie that carries the session id. */
export const sessionCookieName = 'atrium_session';
