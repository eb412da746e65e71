// /broadcast: a free-text announcement (optionally with a file) to an
// audience (audience.ts), with a preview of how many people it reaches on
// which messenger and a confirm step, sent now or at a set time
// (schedule.ts); afterwards a delivery report, a stop button and a
// correction to those who got it (report.ts, correction.ts).
import { getBroadcast, saveFile } from '../../db/repos/broadcasts.js';
import { requireAdminOf, requireCoordinator, visibleTo } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import { reach, reachText } from '../core/audience.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import type { Feature } from '../core/dispatch.js';
import { UserError } from '../core/errors.js';
import { audit } from '../../db/repos/audit.js';
import { broadcastBatch, sendBroadcast } from './send.js';
import { broadcastButtons, correctAction, report, reportAction, stop, stopAction } from './report.js';
import { correctionDialog, correctionStart } from './correction.js';
import type { BroadcastData } from './data.js';
import { scheduledLine, scheduledReply, whenStep } from './schedule.js';
import { audienceStep, namesNote, namesStep, roleStep, roundStep, schoolsStep, seminarStep } from './audience.js';
import { releaseNow, withHeldNotice } from '../core/held.js';
import { downloadWithin, storedFileName } from '../core/files.js';
import { editAction, editDialog, editFallback, editFallbackAction, editStart, editStatusAction, editStatusPressed, reportExtras } from './edit.js';
import { ackAction } from './ack-button.js';
import { acknowledge } from './ack.js';
import { exportAcks } from './ack-export.js';
import { remindUnconfirmed } from './ack-remind.js';
import { ackExportAction, ackRemindAction, ackWhoAction } from './ack-report.js';
import { whoList } from './ack-who.js';
import { optionChoices, optionsLine, toggleOption } from './options.js';

/** «Срочно — отправить сейчас» under a broadcast quiet hours hold. */
export const sendNowAction = defineAction('bcu', idArg);
export const MAX_BROADCAST_FILE = 20 * 1024 * 1024;

const heldRows = (id: number) => ({ batch: broadcastBatch(id), keyPrefix: `${broadcastBatch(id)}:` });

/** The coordinator decided a held broadcast cannot wait: its rows go now, once. */
function sendNow(ctx: Ctx, broadcastId: number): Reply {
  const broadcast = getBroadcast(ctx.deps.db, broadcastId);
  if (!broadcast) throw new UserError('gone', 'stale-button');
  const coordinator = requireAdminOf(ctx, broadcast.municipalityId);
  const { released, reply } = releaseNow(ctx, heldRows(broadcast.id));
  if (released > 0) {
    audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: coordinator.id, municipalityId: broadcast.municipalityId, action: 'broadcast.sent', details: { broadcastId: broadcast.id, recipients: released, urgent: true, heldByQuietHours: true } });
  }
  return reply;
}

const broadcastDialog: DialogDef<BroadcastData> = {
  name: 'broadcast',
  version: 1,
  first: 'text',
  steps: {
    text: {
      prompt: (ctx) => ({ text: ctx.t('broadcast-ask-text'), acceptsText: true }),
      accept: async (ctx, data, answer) => {
        if (answer.kind === 'file') {
          const content = await downloadWithin(answer.file, MAX_BROADCAST_FILE);
          if (!content) return { reask: ctx.t('broadcast-file-too-big') };
          const stored = saveFile(ctx.deps.db, { name: storedFileName(answer.file.name), mime: answer.file.mime ?? 'application/octet-stream', data: content, uploadedBy: ctx.person?.id ?? null });
          return { next: 'caption', data: { ...data, fileId: stored.id, fileName: stored.name } };
        }
        const text = answer.kind === 'text' ? answer.text.trim() : '';
        if (text.length < 2) return { reask: ctx.t('broadcast-text-invalid') };
        return { next: 'audience', data: { ...data, text } };
      },
    },
    caption: {
      prompt: (ctx, data) => ({ text: ctx.t('broadcast-ask-caption', { file: data.fileName ?? '' }), acceptsText: true }),
      accept: (ctx, data, answer) => {
        const text = answer.kind === 'text' ? answer.text.trim() : '';
        return text.length < 2 ? { reask: ctx.t('broadcast-text-invalid') } : { next: 'audience', data: { ...data, text } };
      },
    },
    audience: audienceStep,
    schools: schoolsStep,
    role: roleStep,
    round: roundStep,
    seminar: seminarStep,
    names: namesStep,
    confirm: {
      prompt: (ctx, data) => ({
        text: `${ctx.t('broadcast-preview')}\n\n${data.text ?? ''}${data.fileName ? `\n📎 ${data.fileName}` : ''}\n\n${reachText(ctx.t, reach(ctx.deps.db, data.municipalityId, data.audience ?? {}))}${namesNote(ctx, data)}${scheduledLine(ctx, data)}${optionsLine(ctx, data)}`,
        choices: [
          [{ label: ctx.t(data.sendAt ? 'broadcast-confirm-scheduled' : 'broadcast-send'), value: 'yes' }],
          [{ label: ctx.t('announce-urgent'), value: 'urgent' }],
          [{ label: ctx.t(data.sendAt ? 'broadcast-change-time' : 'broadcast-schedule'), value: 'schedule' }],
          ...optionChoices(ctx, data),
          [{ label: ctx.t('assign-cancel'), value: 'no' }],
        ],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice' || answer.value === 'no') return { done: { text: ctx.t('cancelled') } };
        if (answer.value === 'schedule') return { next: 'when', data };
        const toggled = toggleOption(data, answer.value);
        if (toggled) return { next: 'confirm', data: toggled, inPlace: true };
        const coordinator = requireAdminOf(ctx, data.municipalityId);
        const now = ctx.deps.clock.now();
        const sendAt = data.sendAt ? new Date(data.sendAt) : undefined;
        // The dialog may have waited: a set time that has passed meanwhile is asked again.
        if (sendAt && sendAt.getTime() <= now.getTime()) return { next: 'when', data: { ...data, sendAt: undefined } };
        const broadcast = ctx.deps.db.transaction((tx) =>
          sendBroadcast(
            tx,
            ctx.deps,
            { municipalityId: data.municipalityId, text: data.text ?? '', fileId: data.fileId ?? null, audience: data.audience ?? {}, urgent: answer.value === 'urgent', createdBy: coordinator.id, sendAt, askAck: data.askAck === true, pin: data.pin === true },
            now,
          ),
        );
        ctx.deps.wakeOutbox();
        const queued: Reply = {
          text: ctx.t('broadcast-queued', { count: broadcast.recipients }),
          buttons: broadcastButtons(ctx, broadcast.id, 'broadcast-report-button'),
        };
        if (sendAt) return { done: scheduledReply(ctx, queued, broadcast.id, data.municipalityId, sendAt, broadcast.recipients) };
        return { done: withHeldNotice(ctx, queued, data.municipalityId, heldRows(broadcast.id), sendNowAction.encode(broadcast.id)) };
      },
    },
    when: whenStep,
  },
};

export const broadcastsFeature: Feature = (h) => {
  h.dialogs.register(broadcastDialog);
  h.dialogs.register(correctionDialog);
  h.dialogs.register(editDialog);
  h.router
    .command({
      name: 'broadcast',
      describe: 'cmd-broadcast',
      visible: visibleTo('coordinator'),
      menu: true,
      run: (ctx) => h.dialogs.start(ctx, broadcastDialog, { municipalityId: requireCoordinator(ctx).municipalityId }),
    })
    .action(reportAction, (ctx, [id]) => reportExtras(ctx, id, report(ctx, id)))
    .action(editAction, (ctx, [id]) => {
      const start = editStart(ctx, id);
      return 'nobody' in start ? { text: ctx.t('broadcast-edit-nothing') } : h.dialogs.start(ctx, editDialog, start);
    })
    .action(editStatusAction, (ctx, [id, n]) => editStatusPressed(ctx, id, n))
    .action(editFallbackAction, (ctx, [id, n]) => editFallback(ctx, id, n))
    .action(sendNowAction, (ctx, [id]) => sendNow(ctx, id))
    .action(stopAction, (ctx, [id]) => stop(ctx, id))
    .action(ackAction, (ctx, [id, reminder]) => acknowledge(ctx, id, reminder))
    .action(ackWhoAction, (ctx, [id]) => whoList(ctx, id))
    .action(ackRemindAction, (ctx, [id, number]) => remindUnconfirmed(ctx, id, number))
    .action(ackExportAction, (ctx, [id]) => exportAcks(ctx, id))
    .action(correctAction, (ctx, [id]) => {
      const start = correctionStart(ctx, id);
      return 'nobody' in start ? { text: ctx.t('broadcast-correction-nobody') } : h.dialogs.start(ctx, correctionDialog, start);
    });
};
