// Whatever the district simulator acknowledged survives kill -9: up messages it acked (and the numbers it gave
// them), tickets it confirmed issuing, its cursors. The process is killed while a hall streams up messages and
// tickets are being issued, restarted on the same data folder, and the hall resumes from the welcome.
import { describe, expect, it } from 'vitest';
import { startDistrict } from '../helpers/district-process.ts';
import { tempDataDir } from '../helpers/hall-process.ts';
import { caseNew, helloUpstream } from '../helpers/upstream-client.ts';

const HALL = 'hall-durable';
const TOTAL = 400;

describe('district durability', () => {
  it('loses nothing it acknowledged across kill -9, and applies nothing twice on the resend', { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir('district-durable-');
    let district = await startDistrict({ dataDir });
    const token = district.ready.enrolToken!;
    const confirmed = new Set<string>();
    let acked = 0;

    for (const round of [1, 2]) {
      const { client, welcome } = await helloUpstream(district.upstreamUrl, { hallId: HALL, token });
      // Nothing acknowledged before the kill may be missing after it.
      expect(welcome.ackedUp).toBeGreaterThanOrEqual(acked);
      const killAt = welcome.ackedUp + 120;
      let seq = welcome.ackedUp;
      const issuing = (async () => {
        for (;;) {
          const answer = await district.admin<{ ticket?: { ticketNo: string } }>('POST', '/admin/ticket', { hallId: HALL }).catch(() => null);
          if (!answer) return;
          confirmed.add(answer.body.ticket!.ticketNo);
        }
      })();
      await new Promise<void>((resolve) => {
        const burst = () => {
          if (client.lastUpAck() >= killAt || client.ws.readyState !== client.ws.OPEN) return resolve();
          for (let i = 0; i < 4 && seq < TOTAL; i++) client.send(caseNew(HALL, ++seq, `c${seq}`));
          setTimeout(burst, 10);
        };
        burst();
      });
      acked = client.lastUpAck();
      await district.kill();
      await issuing;
      await client.closed;
      expect(acked, `round ${round}`).toBeGreaterThan(100 * round);
      district = await startDistrict({ dataDir });
    }

    const { client, welcome } = await helloUpstream(district.upstreamUrl, { hallId: HALL, token });
    expect(welcome.ackedUp).toBeGreaterThanOrEqual(acked);
    for (let seq = welcome.ackedUp + 1; seq <= TOTAL; seq++) client.send(caseNew(HALL, seq, `c${seq}`));
    await client.ackedUp(TOTAL, 10_000);
    const status = await district.hall(HALL);
    await expect.poll(() => client.downs().size, { timeout: 10_000 }).toBe(status.lastDown);

    const downs = [...client.downs().values()].map((f) => f.body);
    const issued = downs.flatMap((b) => (b.kind === 'ticket.new' ? [b.ticket.ticketNo] : []));
    const numbered = downs.flatMap((b) => (b.kind === 'case.numbered' ? [b] : []));
    for (const ticketNo of confirmed) expect(issued).toContain(ticketNo);
    expect(confirmed.size).toBeGreaterThan(2);
    expect(numbered.map((n) => n.caseId).sort()).toEqual(Array.from({ length: TOTAL }, (_, i) => `c${i + 1}`).sort());
    const numbers = [...issued, ...numbered.map((n) => n.ticketNo)];
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...client.downs().keys()]).toEqual(Array.from({ length: status.lastDown }, (_, i) => i + 1));
    expect(status).toMatchObject({ ackedUp: TOTAL, received: { applied: TOTAL, held: 0, refused: 0 }, tickets: { numbered: TOTAL } });
    console.log(`district durability: two kills, ${acked} up messages acked before the last, ${confirmed.size} tickets confirmed, ${status.lastDown} down messages after the restarts, none missing or doubled`);
    await client.close();
    expect(await district.stop()).toBe(0);
  });
});
