/**
 * The lead form's phone rule in the browser: the same rule as the server's
 * normaliseMainlandMobile (app/lib/personal-data.server.ts, which the browser cannot import), so a
 * visitor hears about a mistyped number before sending it. mainland-mobile.test.ts holds the two
 * to the same answers.
 */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export function browserMainlandMobile(input: string): string | null {
  const digits = input.replace(/[\s\-()（）]/g, "").replace(/^(\+86|0086|86(?=1\d{10}$))/, "");
  return MAINLAND_MOBILE.test(digits) ? digits : null;
}
