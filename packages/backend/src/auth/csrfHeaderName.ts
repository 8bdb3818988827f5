/** The header cookie-authenticated requests with unsafe methods must carry, equal to the session's CSRF token. */
export const csrfHeaderName = 'x-atrium-csrf';
