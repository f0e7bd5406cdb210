// Where desks and walls on the LAN reach a hall core, for the line the hall and the shell print at start.

/** Interfaces as Node's os.networkInterfaces() lists them. */
export type Interfaces = Record<string, ReadonlyArray<{ family: string; address: string; internal: boolean }> | undefined>;

/** The addresses desks and walls on the LAN connect to, from the machine's network interfaces (os.networkInterfaces()). */
export function lanAddresses(listen: string, port: number, interfaces: Interfaces): string[] {
  if (/^(127\.|::1$|localhost$)/.test(listen)) return [];
  if (listen !== '0.0.0.0' && listen !== '::') return [`http://${listen}:${port}`];
  return Object.values(interfaces).flatMap((list) => (list ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => `http://${i.address}:${port}`));
}
