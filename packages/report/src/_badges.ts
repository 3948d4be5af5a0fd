import type { Diagnostic, Rating } from '@kaizen-bench/harness';
import { RATING_LABELS, VERDICT_LABELS } from './_format';
import { escapeHtml } from './_html';
import type { ReportVerdict } from './types';

/** A rating as symbol + words + colour; `title` carries the reason of an `unrated`. */
export function ratingBadge(rating: Rating, reason?: string): string {
  const label = RATING_LABELS[rating];
  const title = reason ? ` title="${escapeHtml(reason)}"` : '';
  return `<span class="badge rating-${rating}"${title}><span aria-hidden="true">${label.symbol}</span> ${label.text}</span>`;
}

/** A comparison verdict as symbol + words + colour. */
export function verdictBadge(verdict: ReportVerdict): string {
  const label = VERDICT_LABELS[verdict];
  return `<span class="badge verdict-${verdict}"><span aria-hidden="true">${label.symbol}</span> ${label.text}</span>`;
}

/** A status other than ok (`skipped`, `failed`). */
export function statusBadge(status: 'skipped' | 'failed'): string {
  return `<span class="badge status-${status}"><span aria-hidden="true">${status === 'failed' ? '✕' : '–'}</span> ${status}</span>`;
}

/** Diagnostics as short labels; the full advice is in the `title` and in the benchmark's section. */
export function diagnosticLabels(diagnostics: readonly Diagnostic[] | undefined): string {
  if (!diagnostics || diagnostics.length === 0) return '<span class="muted">none</span>';
  return diagnostics
    .map(
      (d) =>
        `<span class="diag" title="${escapeHtml(d.message)}"><span aria-hidden="true">⚠</span> ${escapeHtml(d.code.replace(/_/g, ' '))}</span>`,
    )
    .join(' ');
}
