/**
 * Base of the absolute URLs printed in QR codes. PUBLIC_BASE_URL wins (the address readers reach
 * the studio at); otherwise the origin the request came in on.
 */
export function publicBaseUrl(requestUrl?: string): string {
  const configured = process.env.PUBLIC_BASE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  if (requestUrl) return new URL(requestUrl).origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}
