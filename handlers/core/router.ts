// Maps commands and button actions to handlers. Features register here; the
// dispatcher asks the router what to run. Commands carry what /help and the
// messenger menus show.
import type { ActionArg, ActionDef } from './actions.js';
import type { HandlerResult, Reply } from './contract.js';
import type { Ctx } from './context.js';

export type Outcome = HandlerResult | Reply[] | Reply;
export type CommandHandler = (ctx: Ctx, args: string) => Outcome | Promise<Outcome>;
export type ActionHandler<A extends readonly ActionArg[]> = (ctx: Ctx, args: A) => Outcome | Promise<Outcome>;

export interface CommandSpec {
  name: string;
  /** Locale key of the one-line description in /help and the menu. */
  describe: string;
  /** Who sees it in /help; every handler still checks permission itself. */
  visible: (ctx: Ctx) => boolean;
  /** Shown in the messenger's command menu. */
  menu?: boolean;
  run: CommandHandler;
}

interface ActionEntry {
  def: ActionDef<readonly ActionArg[]>;
  run: ActionHandler<readonly ActionArg[]>;
}

/** Reads free text outside any dialog; undefined lets the next reader try. */
export type TextReader = (ctx: Ctx, text: string) => Outcome | undefined | Promise<Outcome | undefined>;

export class Router {
  private readonly commandMap = new Map<string, CommandSpec>();
  private readonly textReaders: TextReader[] = [];
  private readonly actionMap = new Map<string, ActionEntry>();

  command(spec: CommandSpec): this {
    if (this.commandMap.has(spec.name)) throw new Error(`command /${spec.name} registered twice`);
    this.commandMap.set(spec.name, spec);
    return this;
  }

  action<A extends readonly ActionArg[]>(def: ActionDef<A>, run: ActionHandler<A>): this {
    if (this.actionMap.has(def.name)) throw new Error(`action ${def.name} registered twice`);
    this.actionMap.set(def.name, {
      def: def as unknown as ActionDef<readonly ActionArg[]>,
      run: run as unknown as ActionHandler<readonly ActionArg[]>,
    });
    return this;
  }

  /** Free text that is not an answer in a dialog, such as a pasted invite code. */
  text(reader: TextReader): this {
    this.textReaders.push(reader);
    return this;
  }

  async readText(ctx: Ctx, text: string): Promise<Outcome | undefined> {
    for (const reader of this.textReaders) {
      const outcome = await reader(ctx, text);
      if (outcome) return outcome;
    }
    return undefined;
  }

  findCommand(name: string): CommandSpec | undefined {
    return this.commandMap.get(name);
  }

  findAction(name: string): ActionEntry | undefined {
    return this.actionMap.get(name);
  }

  commands(): CommandSpec[] {
    return [...this.commandMap.values()];
  }
}

export function toResult(outcome: Outcome): HandlerResult {
  if (Array.isArray(outcome)) return { replies: outcome };
  if ('replies' in outcome) return outcome;
  return { replies: [outcome] };
}
