import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIPv6, type LookupFunction } from 'node:net';
import { webhookAddressProblem, type WebhookAddressType } from '@swr-console/swr-api';

/**
 * Where the BFF may send a test event. SWR sends webhooks from its own network; the test is sent
 * from the BFF's, so what the contract's rule allows (`webhookAddressProblem`) is narrowed:
 * loopback (the BFF's own machine) only against the local sandbox, and a name is checked again at
 * the address it resolves to, when the connection is made, so a name cannot lead to an address
 * the rule refuses (the cloud's metadata service, the BFF's own ports).
 */

/** Whether a WHATWG-normalised URL names this machine. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(host)) return true;
  if (host === '[::1]') return true;
  // IPv4-mapped IPv6 (the parser writes ::ffff:127.0.0.1 as [::ffff:7f00:1]).
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/**
 * Why the BFF does not send to this address, or undefined: the contract's rule, then loopback
 * outside the sandbox. Link-local and other reserved addresses are the rule's to refuse.
 */
export function testAddressProblem(
  address: string,
  addressType: WebhookAddressType,
  allowLoopback: boolean,
): string | undefined {
  const problem = webhookAddressProblem(address, addressType);
  if (problem) return problem;
  if (!allowLoopback && isLoopback(new URL(address)))
    return 'The console does not send test events to its own machine (loopback addresses); use the address your receiver has on the network.';
  return undefined;
}

/** Why a resolved address may not be called, or undefined. */
function resolvedProblem(
  hostname: string,
  ip: string,
  addressType: WebhookAddressType,
  allowLoopback: boolean,
): string | undefined {
  const problem = testAddressProblem(
    `http://${isIPv6(ip) ? `[${ip}]` : ip}/`,
    addressType,
    allowLoopback,
  );
  return problem && `${hostname} resolves to ${ip}, which is refused: ${problem}`;
}

/** The error a refused resolution ends the request with (`code` tells it from network errors). */
export class AddressRefused extends Error {
  readonly code = 'EADDRESSREFUSED';
}

/**
 * A `lookup` for node's http client that resolves as usual and refuses the connection when any
 * address of the name is refused, so what is checked is what is connected to (no rebinding
 * between a check and the request). Literal IPs are not looked up; the route checks those.
 */
export function guardedLookup(
  addressType: WebhookAddressType,
  allowLoopback: boolean,
): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const refused = addresses
        .map(({ address }) => resolvedProblem(hostname, address, addressType, allowLoopback))
        .find((problem) => problem !== undefined);
      const first = addresses[0];
      if (refused || !first) {
        callback(new AddressRefused(refused ?? `${hostname} has no address.`), '', 0);
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}
