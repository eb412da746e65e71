// What the /broadcast dialog keeps between steps.
import type { Audience } from '../../db/schema.js';

export type BroadcastData = {
  municipalityId: number;
  text?: string;
  fileId?: number;
  fileName?: string;
  audience?: Audience;
  /** A set time (ISO), when the coordinator chose «Запланировать». */
  sendAt?: string;
  /** Schools toggled on so far in «Несколько школ». */
  picked?: number[];
  /** Typed names that matched nobody, or more than one person, for the preview. */
  notFound?: string[];
  ambiguous?: string[];
  /** «Попросить подтвердить прочтение»: each message carries «Ознакомлен(а)». */
  askAck?: boolean;
  /** «Закрепить в чате». */
  pin?: boolean;
};
