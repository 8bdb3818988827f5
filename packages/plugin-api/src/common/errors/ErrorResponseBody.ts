/** The Backstage-compatible JSON body of every error response. */
export interface ErrorResponseBody {
  error: { name: string; code?: string; message: string; stack?: string };
  request: { method: string; url: string };
  response: { statusCode: number };
}
