// «Выгрузить XLSX»: the named read-confirmation report of one broadcast,
// everyone it was for with their school, role, messenger and status: when
// they confirmed (in the municipality's time), not confirmed, or not
// delivered and why. Formula-safe through the core's spreadsheet writer; an
// erased person is a row without a name.
import { audit } from '../../db/repos/audit.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { formatDayTime } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { buildXlsx, XLSX_MIME } from '../core/spreadsheet.js';
import { ackCounts, ackEntries, type AckEntry } from './ack-status.js';
import { ownBroadcast } from './report.js';

function status(ctx: Ctx, entry: AckEntry, zone: string): string {
  if (entry.state === 'confirmed') return ctx.t('broadcast-ack-status-confirmed', { when: entry.at ? formatDayTime(entry.at, zone) : '' });
  if (entry.state === 'waiting') return ctx.t('broadcast-ack-status-waiting');
  if (entry.state === 'queued') return ctx.t('broadcast-ack-status-queued');
  return ctx.t('broadcast-ack-status-unreached', { why: ctx.t(`broadcast-ack-why-${entry.state}`) });
}

export async function exportAcks(ctx: Ctx, broadcastId: number): Promise<Reply> {
  const { broadcast } = ownBroadcast(ctx, broadcastId);
  if (!broadcast.askAck) throw new UserError('gone', 'broadcast-ack-not-asked');
  const entries = ackEntries(ctx.deps.db, broadcast);
  const zone = municipalityZone(ctx.deps, broadcast.municipalityId);
  const t = ctx.t;
  audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: ctx.person?.id ?? null, municipalityId: broadcast.municipalityId, action: 'export.personal-data', details: { what: 'broadcast', broadcastId: broadcast.id, rows: entries.length } });
  const data = await buildXlsx([
    {
      name: t('broadcast-ack-sheet'),
      header: [t('broadcast-ack-col-person'), t('col-school'), t('broadcast-ack-col-role'), t('broadcast-ack-col-messenger'), t('col-status')],
      rows: entries.map((e) => [
        e.name ?? t('broadcast-ack-erased'),
        e.school ?? '',
        e.roles.map((r) => t(`role-${r}`)).join(', '),
        e.platform ? t(`platform-${e.platform}`) : '',
        status(ctx, e, zone),
      ]),
    },
  ]);
  const counts = ackCounts(entries);
  return {
    text: t('broadcast-ack-exported', { confirmed: counts.confirmed, total: entries.length }),
    file: { name: `broadcast-${broadcast.id}-read.xlsx`, mime: XLSX_MIME, data },
  };
}
