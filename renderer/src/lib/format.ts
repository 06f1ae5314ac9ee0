import { formatOsloDate, formatOsloTime } from '../../../shared/domain/osloTime';

/** Dates as a Norwegian reader expects them, always in Oslo time: 23.11.2026. */
export function formatDate(iso: string): string {
  return formatOsloDate(new Date(iso));
}

/** Times with a full stop, as Norwegian writes them, in Oslo time: 14.05. */
export function formatTime(iso: string): string {
  return formatOsloTime(new Date(iso));
}
