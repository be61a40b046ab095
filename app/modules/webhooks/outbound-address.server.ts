import dns from "node:dns";
import net from "node:net";
import { Agent } from "undici";
import { settings } from "~/lib/env.server";

/**
 * Where the studio's outbound webhooks (calendar publishers, the CRM, WeCom robots) may connect.
 *
 * A webhook URL is typed in by a person; without a check, a stolen editor account could point it
 * at the machine itself or the dealership's internal network and use the studio as a proxy
 * (server-side request forgery). So addresses in private, loopback, link-local, shared, multicast
 * and reserved ranges are refused, unless their host is listed in `WEBHOOK_ALLOW_PRIVATE_HOSTS`
 * (comma-separated host names or addresses: a CRM on the dealership's LAN is a real case).
 *
 * The check runs where the connection is made, on the addresses the name resolved to for that
 * connection (the agent's `lookup`), so a name that resolves to a public address when checked and
 * to a private one when connecting (DNS rebinding) is caught as well. Literal IP hosts never go
 * through a lookup, so they are checked on the URL first (`refusedHost`).
 */

/** Error code of a connection refused by this guard; the sender classifies it as rejected. */
export const PRIVATE_ADDRESS_CODE = "ESTUDIO_PRIVATE_ADDRESS";

const V4_BLOCKS: [string, number][] = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
];

function v4Number(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

const V4_RANGES = V4_BLOCKS.map(([base, bits]) => {
  const size = 2 ** (32 - bits);
  const start = Math.floor(v4Number(base) / size) * size;
  return { start, end: start + size };
});

function isPrivateV4(address: string): boolean {
  const n = v4Number(address);
  return V4_RANGES.some((range) => n >= range.start && n < range.end);
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4Number(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const first = parse(head);
  const last = parse(tail);
  return tail === undefined ? first : [...first, ...Array(8 - first.length - last.length).fill(0), ...last];
}

function isPrivateV6(address: string): boolean {
  const g = v6Groups(address);
  if (g.slice(0, 7).every((x) => x === 0) && (g[7] === 0 || g[7] === 1)) return true; // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d) and the NAT64 prefix carry an IPv4 address: judge that one.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return isPrivateV4(v4Of(g));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPrivateV4(v4Of(g));
  const top = g[0]!;
  return (
    (top & 0xfe00) === 0xfc00 || // unique local
    (top & 0xffc0) === 0xfe80 || // link-local
    (top & 0xff00) === 0xff00 || // multicast
    (top === 0x2001 && g[1] === 0x0db8) // documentation
  );
}

function v4Of(groups: number[]): string {
  const [a, b] = [groups[6]!, groups[7]!];
  return [a >> 8, a & 0xff, b >> 8, b & 0xff].join(".");
}

/** True for an address the studio does not send webhooks to unless its host is allowed. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return isPrivateV4(address);
  if (family === 6) return isPrivateV6(address);
  return true; // not an address at all: refuse rather than guess
}

/** The hosts allowed to be private, lower-cased, from `WEBHOOK_ALLOW_PRIVATE_HOSTS`. */
export function allowedPrivateHosts(value = settings().webhookAllowPrivateHosts): Set<string> {
  return new Set(
    (value ?? "")
      .split(",")
      .map((host) =>
        host
          .trim()
          .toLowerCase()
          .replace(/^\[|\]$/g, ""),
      )
      .filter(Boolean),
  );
}

/** Why a URL's literal host is refused, or null when it may be connected to (names are checked later). */
export function refusedHost(url: URL, allowed = allowedPrivateHosts()): string | null {
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (allowed.has(host)) return null;
  if (net.isIP(host) && isPrivateAddress(host)) return host;
  if (host === "localhost" || host.endsWith(".localhost")) return host;
  return null;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for sockets that answers only public addresses, or the guard's error. */
function guardedLookup(allowed: Set<string>) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const host = hostname.toLowerCase();
      const refused = allowed.has(host) ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) {
        const denied = Object.assign(
          new Error(`${hostname} resolves to ${refused.address}, a private or local address`),
          { code: PRIVATE_ADDRESS_CODE },
        );
        return callback(denied, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

let cached: { key: string; agent: Agent } | null = null;

/** The connection pool outbound webhooks go through, with the guard in its lookup. */
export function outboundDispatcher(allowed = allowedPrivateHosts()): Agent {
  const key = [...allowed].sort().join(",");
  if (cached?.key !== key) {
    void cached?.agent.close();
    cached = { key, agent: new Agent({ connect: { lookup: guardedLookup(allowed) } }) };
  }
  return cached.agent;
}
