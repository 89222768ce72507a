/**
 * Items with a date range, found by the months they touch: which rows of a timeline a new report's dates
 * may overlap, without looking at every row. Ranges are ISO dates (YYYY-MM-DD), start ≤ end.
 */

interface Dated {
  start: string;
  end: string;
}

/** Ranges longer than this many months are kept aside and offered to every lookup (a decade, a century). */
const MAX_INDEXED_MONTHS = 120;

export class MonthIndex<T> {
  private readonly byMonth = new Map<number, T[]>();
  private readonly wide: T[] = [];
  private readonly order = new Map<T, number>();

  /** Index `item` under the months of `range`; an item may be added again under a new range. */
  add(item: T, range: Dated): void {
    if (!this.order.has(item)) this.order.set(item, this.order.size);
    const [from, to] = [monthNumber(range.start), monthNumber(range.end)];
    if (to - from >= MAX_INDEXED_MONTHS) {
      if (!this.wide.includes(item)) this.wide.push(item);
      return;
    }
    for (let m = from; m <= to; m++) {
      const list = this.byMonth.get(m);
      if (!list) this.byMonth.set(m, [item]);
      else if (list[list.length - 1] !== item && !list.includes(item)) list.push(item);
    }
  }

  /** Items indexed under any month of `range`, each once, in the order they were first added. */
  near(range: Dated): T[] {
    const found = new Set<T>(this.wide);
    const [from, to] = [monthNumber(range.start), monthNumber(range.end)];
    if (to - from >= MAX_INDEXED_MONTHS) return [...this.order.keys()];
    for (let m = from; m <= to; m++) for (const item of this.byMonth.get(m) ?? []) found.add(item);
    return [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

function monthNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}
