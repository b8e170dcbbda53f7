// Port and protocol reading shared by the security group and network ACL checks (both EC2 APIs).

/** Remote administration ports that must not be open to the internet: SSH and RDP. */
export const ADMIN_PORTS = [22, 3389] as const;

/** The sources that mean "the whole internet", IPv4 and IPv6. */
export const WORLD_CIDRS = ['0.0.0.0/0', '::/0'] as const;
export type WorldCidr = (typeof WORLD_CIDRS)[number];

// The API answers protocol numbers; rules made by some tools carry names instead.
const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = { tcp: '6', udp: '17', all: '-1' };

/** A rule's protocol as its number: '6' (tcp), '17' (udp), '-1' (all traffic), or as given. */
export function protocolNumber(protocol: string | undefined): string {
  const value = protocol ?? '';
  return PROTOCOL_NUMBERS[value] ?? value;
}

/** Whether a tcp/udp port range covers `port`. A missing bound would be malformed; read it as open. */
export function rangeCovers(from: number | undefined, to: number | undefined, port: number): boolean {
  return (from ?? 0) <= port && port <= (to ?? 65535);
}
