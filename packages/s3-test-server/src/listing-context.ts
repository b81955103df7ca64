import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the store found for the listing request being served. s3rver's listing
 * controller derives the next page's marker from the last *object* on the page,
 * and crashes when a truncated page holds only common prefixes; so the store
 * reports the true end of the page here and the patched controller uses it.
 */
export interface ListingRecord {
  isTruncated: boolean;
  lastEntry: string | undefined;
}

export const listingContext = new AsyncLocalStorage<ListingRecord>();
