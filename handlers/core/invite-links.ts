// Deep links that open the bot with an invite code already filled in, one
// per messenger the service runs on. Telegram and MAX pass it as ?start=,
// VK as ?ref= on the community's chat link.
export interface LinkNames {
  telegramBot?: string;
  vkGroupId?: number;
  maxBot?: string;
}

export interface InviteLink {
  label: 'Telegram' | 'VK' | 'MAX';
  url: string;
}

export function inviteLinks(names: LinkNames, code: string): InviteLink[] {
  const links: InviteLink[] = [];
  if (names.telegramBot) links.push({ label: 'Telegram', url: `https://t.me/${names.telegramBot}?start=${code}` });
  if (names.vkGroupId) links.push({ label: 'VK', url: `https://vk.me/club${names.vkGroupId}?ref=${code}` });
  if (names.maxBot) links.push({ label: 'MAX', url: `https://max.ru/${names.maxBot}?start=${code}` });
  return links;
}
