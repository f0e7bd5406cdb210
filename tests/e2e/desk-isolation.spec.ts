// A joint desk sees only its department's work (S-9): the urban desk never sees a police case; on a joint
// case where it assists (联勤联动) it sees the case marked 协办 and is offered only what an assisting
// department may do (到场), never the lead's accept, handle or return.
import { expect, test } from '@playwright/test';
import type { CaseAction, CaseDraft } from '../../electron/common/protocol.ts';
import { connect } from '../helpers/ws-client.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { SCREENS, openSeat, rowOf, signIn } from './closed-loop-screens.ts';

const hall = hallForThisFile();

/** Reports, registers and dispatches a case over the protocol, as the console would. */
async function dispatchedCase(draft: Partial<CaseDraft>, dispatch: Extract<CaseAction, { action: 'dispatch' }>): Promise<string> {
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  try {
    const created = await commander.createCase(draft);
    if (created.type !== 'ack') throw new Error(JSON.stringify(created));
    const caseId = (await commander.next('event', 5000, (m) => m.event.seq === created.eventSeq)).event;
    if (caseId.type !== 'case.created') throw new Error('no created event');
    for (const [i, act] of [{ action: 'register' } as const, dispatch].entries()) {
      const commandId = `desk-e2e-${created.eventSeq}-${i}`;
      commander.send({ type: 'command', commandId, command: { kind: 'case.act', caseId: caseId.payload.id, act } });
      const reply = await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, act.action);
      if (reply.type !== 'ack') throw new Error(JSON.stringify(reply));
    }
    return caseId.payload.id;
  } finally {
    await commander.close();
  }
}

test('the urban desk never sees a police case and on a joint case is offered only the assisting act', async ({ page }) => {
  await openSeat(page, seatUrl(hall(), 'desk', 'desk-urban'));
  await signIn(page, '王队员', 'CG-0815');
  const policeTitle = `警情 盗窃电瓶车 ${Date.now()}`;
  const jointTitle = `噪声扰民 夜间施工 ${Date.now()}`;
  await dispatchedCase(
    { title: policeTitle, category: '治安防控', urgency: 'urgent', source: 'nonpolice110' },
    { action: 'dispatch', lead: 'police', assisting: [], forces: [], dutyRule: 'clear' },
  );
  await dispatchedCase(
    { title: jointTitle, category: '噪声扰民' },
    { action: 'dispatch', lead: 'police', assisting: ['urban'], forces: [], dutyRule: 'crossDepartment' },
  );

  const joint = rowOf(page, jointTitle);
  await expect(joint).toBeVisible();
  await expect(joint.getByTestId('assisting-mark')).toHaveText('协办');
  await expect(rowOf(page, policeTitle)).toHaveCount(0);
  await expect(page.getByTestId('case-count')).toHaveText('1');

  await joint.click();
  const actions = page.getByTestId('actions');
  await expect(actions.getByRole('button')).toHaveText([/到场/]);
  for (const leadOnly of ['accept', 'handle', 'return', 'register', 'dispatch', 'close']) {
    await expect(page.getByTestId(`action-${leadOnly}`)).toHaveCount(0);
  }
  // The full-text search of the hall answers a desk only within its department, too.
  const found = await page.evaluate(async ([q, token]) => {
    const response = await fetch(`/api/cases?q=${encodeURIComponent(q!)}`, { headers: { Authorization: `Bearer ${token}` } });
    return (await response.json()) as unknown[];
  }, [policeTitle.slice(0, 8), hall().tokenOf('desk-urban')]);
  expect(found).toHaveLength(0);

  await page.getByTestId('action-arrive').click();
  await expect(page.getByTestId('action-outcome')).toContainText('✓');
  await expect(page.getByTestId('detail-state')).toHaveText('已到场');
  await page.screenshot({ path: `${SCREENS}/desk-urban.png` });
});

test('a desk cannot act before the roll call, and signs out again', async ({ page }) => {
  await openSeat(page, seatUrl(hall(), 'desk', 'desk-market'));
  const title = `过期食品销售 ${Date.now()}`;
  await dispatchedCase({ title, category: '市场监管' }, { action: 'dispatch', lead: 'market', assisting: [], forces: [], dutyRule: 'clear' });
  await rowOf(page, title).click();
  await expect(page.getByTestId('action-accept')).toBeDisabled();
  await expect(page.getByTestId('actions')).toContainText('请先点名报到');
  await expect(page.getByTestId('force-status').first()).toBeDisabled();
  await signIn(page, '赵科员', 'SJ-2231');
  await expect(page.getByTestId('action-accept')).toBeEnabled();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('roll-call-name')).toBeVisible();
  await expect(page.getByTestId('action-accept')).toBeDisabled();
});
