import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Filters and paging kept in the address, so a filtered list can be bookmarked, shared and gone back to. */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);

  const update = useCallback(
    (changes: Partial<Record<K | 'offset', string | number>>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === '' || value === undefined || value === 0 || value === '0') next.delete(key);
            else next.set(key, String(value));
          }
          // Any filter change goes back to the first page.
          if (!('offset' in changes)) next.delete('offset');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { values, offset, update, clear };
}
