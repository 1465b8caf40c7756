/**
 * Refresher training falls due 90 days after a person's last training: the documents ask for training
 * "every 2–3 months" with the latest laws and rulings. Pure date arithmetic on calendar dates (UTC), so
 * "today" is a parameter and the due list can be asked for any day.
 */

export const REFRESHER_DAYS = 90;
const DAY_MS = 86_400_000;

const toDays = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDays = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

export interface RefresherStatus {
  dueOn: string;
  /** Days since the refresher fell due; 0 on the due day, negative while it is still ahead. */
  daysOverdue: number;
  due: boolean;
}

/** When a person last trained on `lastTrainedOn` needs a refresher, seen on `asOf` (both YYYY-MM-DD). */
export function refresherStatus(lastTrainedOn: string, asOf: string): RefresherStatus {
  const dueOn = addDays(lastTrainedOn, REFRESHER_DAYS);
  const daysOverdue = toDays(asOf) - toDays(dueOn);
  return { dueOn, daysOverdue, due: daysOverdue >= 0 };
}

/** Today's date in India (UTC+5:30), the default "as of" for due lists. */
export function todayInIndia(now: Date = new Date()): string {
  return new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10);
}
