/** Sales must call a new lead within this many minutes (the dealership's follow-up rule). */
export const FIRST_CONTACT_TARGET_MINUTES = 15;

/**
 * Time to first contact against the target. Pure, so the inbox computes it on the server and the
 * browser keeps counting the minutes of a waiting lead without asking again.
 */
export function firstContact(options: {
  createdAt: string | Date;
  firstContactAt: string | Date | null;
  now: Date;
}): { minutes: number; contacted: boolean; overdue: boolean } {
  const created = new Date(options.createdAt).getTime();
  const end = options.firstContactAt ? new Date(options.firstContactAt).getTime() : options.now.getTime();
  const minutes = Math.max(0, Math.floor((end - created) / 60_000));
  return {
    minutes,
    contacted: options.firstContactAt !== null,
    overdue: minutes >= FIRST_CONTACT_TARGET_MINUTES,
  };
}
