export { renderReport } from './render-report';
export { writeReport } from './write-report';
export { loadReportRun } from './load-run';
export { orderRegressionsFirst } from './order-comparison';
export { ReportError } from './errors';

export type { RenderReportOptions, ReportComparison, ReportRun, ReportVerdict } from './types';
export type { ReportErrorCode } from './errors';
