import { createRateLimiter } from "./rate-limit.server";

// The rate limits of the public endpoints, one per kind of request, shared by the page and the
// API that take the same request. In a .server module: a route's module scope also runs in the
// browser bundle.

/** Lead forms: a person submits once or twice; 30 in ten minutes from one address is a script. */
export const leadLimiter = createRateLimiter({ limit: 30, windowMs: 10 * 60_000 });
/** Deletion and withdrawal requests: ten an hour from one address. */
export const deletionRequestLimiter = createRateLimiter({ limit: 10, windowMs: 60 * 60_000 });
/**
 * Calendar feeds: a calendar app polls every 15 to 60 minutes; 120 fetches in ten minutes from one
 * address (a whole office behind one NAT included) is someone guessing tokens.
 */
export const feedLimiter = createRateLimiter({ limit: 120, windowMs: 10 * 60_000 });
