// /broadcast: a free-text announcement (optionally with a file) to an
// audience, with a preview of how many people it reaches on which messenger
// and a confirm step; afterwards a delivery report on a button.
import { getBroadcast, saveFile } from '../../db/repos/broadcasts.js';
import { getSchool, schoolsOf } from '../../db/repos/org.js';
import type { Audience } from '../../db/schema.js';
import { requireAdminOf, requireCoordinator, visibleTo } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import { audiencePresets, presetAudience, reach, reachText } from '../core/audience.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import type { Feature } from '../core/dispatch.js';
import { UserError } from '../core/errors.js';
import { audit } from '../../db/repos/audit.js';
import { broadcastBatch, deliveryReport, sendBroadcast } from './send.js';
import { releaseNow, withHeldNotice } from '../core/held.js';
import { downloadWithin, storedFileName } from '../core/files.js';

export const reportAction = defineAction('bcr', idArg);
/** «Срочно — отправить сейчас» under a broadcast quiet hours hold. */
export const sendNowAction = defineAction('bcu', idArg);
export const MAX_BROADCAST_FILE = 20 * 1024 * 1024;

type BroadcastData = { municipalityId: number; text?: string; fileId?: number; fileName?: string; audience?: Audience };

function report(ctx: Ctx, broadcastId: number): Reply {
  const broadcast = getBroadcast(ctx.deps.db, broadcastId);
  if (!broadcast) throw new UserError('gone', 'stale-button');
  requireAdminOf(ctx, broadcast.municipalityId);
  const counts = deliveryReport(ctx.deps.db, broadcast.id);
  return {
    text: ctx.t('broadcast-report', { total: broadcast.recipients, delivered: counts.sent, blocked: counts.blocked, failed: counts.failed, pending: counts.pending + counts.sending }),
    buttons: [[{ kind: 'action', label: ctx.t('broadcast-refresh'), data: reportAction.encode(broadcast.id) }]],
    edit: true,
  };
}

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
    audience: {
      prompt: (ctx, data) => ({
        text: ctx.t('broadcast-ask-audience'),
        choices: [
          ...audiencePresets.map((p) => [{ label: ctx.t(`audience-${p}`), value: p }]),
          ...schoolsOf(ctx.deps.db, data.municipalityId).map((s) => [{ label: s.shortName, value: `school:${s.id}` }]),
        ],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        const preset = audiencePresets.find((p) => p === answer.value);
        if (preset) return { next: 'confirm', data: { ...data, audience: presetAudience(preset) } };
        const school = getSchool(ctx.deps.db, Number(answer.value.replace('school:', '')));
        if (!school || school.municipalityId !== data.municipalityId) return { reask: ctx.t('dialog-choose-button') };
        return { next: 'confirm', data: { ...data, audience: { schoolIds: [school.id] } } };
      },
    },
    confirm: {
      prompt: (ctx, data) => ({
        text: `${ctx.t('broadcast-preview')}\n\n${data.text ?? ''}${data.fileName ? `\n📎 ${data.fileName}` : ''}\n\n${reachText(ctx.t, reach(ctx.deps.db, data.municipalityId, data.audience ?? {}))}`,
        choices: [[{ label: ctx.t('broadcast-send'), value: 'yes' }], [{ label: ctx.t('announce-urgent'), value: 'urgent' }], [{ label: ctx.t('assign-cancel'), value: 'no' }]],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice' || answer.value === 'no') return { done: { text: ctx.t('cancelled') } };
        const coordinator = requireAdminOf(ctx, data.municipalityId);
        const now = ctx.deps.clock.now();
        const broadcast = ctx.deps.db.transaction((tx) =>
          sendBroadcast(
            tx,
            ctx.deps,
            { municipalityId: data.municipalityId, text: data.text ?? '', fileId: data.fileId ?? null, audience: data.audience ?? {}, urgent: answer.value === 'urgent', createdBy: coordinator.id },
            now,
          ),
        );
        ctx.deps.wakeOutbox();
        const queued: Reply = {
          text: ctx.t('broadcast-queued', { count: broadcast.recipients }),
          buttons: [[{ kind: 'action', label: ctx.t('broadcast-report-button'), data: reportAction.encode(broadcast.id) }]],
        };
        return { done: withHeldNotice(ctx, queued, data.municipalityId, heldRows(broadcast.id), sendNowAction.encode(broadcast.id)) };
      },
    },
  },
};

export const broadcastsFeature: Feature = (h) => {
  h.dialogs.register(broadcastDialog);
  h.router
    .command({
      name: 'broadcast',
      describe: 'cmd-broadcast',
      visible: visibleTo('coordinator'),
      menu: true,
      run: (ctx) => h.dialogs.start(ctx, broadcastDialog, { municipalityId: requireCoordinator(ctx).municipalityId }),
    })
    .action(reportAction, (ctx, [id]) => report(ctx, id))
    .action(sendNowAction, (ctx, [id]) => sendNow(ctx, id));
};
